import { CompanySettings } from '../company/company-settings-page.tsx';
import { PageTitle } from '../ui/page.tsx';
import { CompanyPicker } from './company-picker.tsx';
import '../company/company.css';

/** The seller admin's view of any customer's settings: the same screen its own admin has, for the chosen company. */
export const CompaniesPage = (props: { companyId: string }) => (
  <>
    <PageTitle>Companies</PageTitle>
    <CompanyPicker path="admin/companies" companyId={props.companyId}>
      {(company) => <CompanySettings key={company.companyId} companyId={company.companyId} />}
    </CompanyPicker>
  </>
);
