import { problemText } from '../api/client.ts';
import { useSignedIn } from '../signed-in.ts';
import { useLoad } from '../ui/load.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import { type CompanyListItem, CompanyPicker } from './company-picker.tsx';
import { ImportPrices } from './contract-import.tsx';
import { Prices } from './contract-prices.tsx';
import type { Contract } from './contract-save.ts';
import { Terms } from './contract-terms.tsx';
import './admin.css';

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** A company without a contract starts from a year's contract at list prices, saved when its terms are. */
const aNewContract = (company: CompanyListItem): Contract => {
  const today = new Date();
  return {
    contractId: `${company.companyId}-contract`,
    companyId: company.companyId,
    currency: company.currency,
    validFrom: isoDay(today),
    validTo: isoDay(new Date(today.getTime() + 365 * 86_400_000)),
    discountPercent: 0,
    prices: [],
  };
};

const CompanyContract = (props: { company: CompanyListItem }) => {
  const { api } = useSignedIn();
  const { company } = props;
  const [loaded, reload] = useLoad(async () => {
    const { data, error, response } = await api.GET('/companies/{companyId}/contract', {
      params: { path: { companyId: company.companyId } },
    });
    if (data) return { contract: data, saved: true };
    if (response.status === 404) return { contract: aNewContract(company), saved: false };
    throw new Error(problemText(error, 'The contract could not be loaded.'));
  }, [company.companyId]);
  return (
    <Show loaded={loaded}>
      {({ contract, saved }) => (
        <>
          <Terms
            key={`${contract.contractId}-${contract.validFrom}-${contract.validTo}`}
            contract={contract}
            saved={saved}
            onSaved={reload}
          />
          {saved && (
            <>
              <Prices contract={contract} onSaved={reload} />
              <ImportPrices contract={contract} onSaved={reload} />
            </>
          )}
        </>
      )}
    </Show>
  );
};

/** The seller admin's contracts: one company's terms and prices per SKU (with tiers), edited or imported from a CSV. */
export const ContractsPage = (props: { companyId: string }) => (
  <>
    <PageTitle>Contracts</PageTitle>
    <CompanyPicker path="admin/contracts" companyId={props.companyId}>
      {(company) => <CompanyContract key={company.companyId} company={company} />}
    </CompanyPicker>
  </>
);
