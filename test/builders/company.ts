import type { Address, ShipTo } from '#domain/address.ts';
import type { ApprovalRule } from '#domain/approval-rule.ts';
import { type Company, type CompanyUser, companySchema } from '#domain/company.ts';

class CompanyBuilder {
  constructor(
    private readonly company: Company,
    private readonly approvalRules: readonly (ApprovalRule | { build(): ApprovalRule })[] = [],
  ) {}

  private with(changes: Partial<Company>): CompanyBuilder {
    return new CompanyBuilder({ ...this.company, ...changes }, this.approvalRules);
  }

  /** `withRule(aRule('big').when(total.over(1_000_00)).approvedBy(lead))`; read them back with `rules()`. */
  withRule(rule: ApprovalRule | { build(): ApprovalRule }) {
    return new CompanyBuilder(this.company, [...this.approvalRules, rule]);
  }
  /** The company's approval rules, in the order given: stored apart from the company, as the API stores them. */
  rules(): ApprovalRule[] {
    return this.approvalRules.map((rule) => ('build' in rule ? rule.build() : rule));
  }

  withUser(email: string, ...roles: CompanyUser['roles']) {
    const name = email.split('@')[0] ?? email;
    return this.with({ users: [...this.company.users, { email, name, roles }] });
  }
  withBuyer(email: string) {
    return this.withUser(email, 'buyer');
  }
  withApprover(email: string) {
    return this.withUser(email, 'approver');
  }
  withAdmin(email: string) {
    return this.withUser(email, 'admin');
  }
  servedBy(accountRepEmail: string) {
    return this.with({ accountRepEmail });
  }
  in(currency: string) {
    return this.with({ currency });
  }
  named(name: string) {
    return this.with({ name });
  }
  /** Its number in the seller's ERP. */
  inErpAs(erpCustomerNumber: string) {
    return this.with({ erpCustomerNumber });
  }
  /** Invoiced at `billTo`, shipping to `shipTo` (the first is the default). */
  at(billTo: Address, ...shipTo: ShipTo[]) {
    return this.with({ addresses: { billTo, shipTo: shipTo.length > 0 ? shipTo : [{ ...billTo, shipToId: 'main' }] } });
  }
  /** Its VAT id: `withTaxId('DE123456789')`. */
  withTaxId(taxId: string) {
    return this.with({ taxId });
  }
  /** Exempt from tax under this certificate or ruling. */
  exemptFromTax(reference: string) {
    return this.with({ taxExempt: { reference } });
  }
  build(): Company {
    return companySchema.parse(this.company);
  }
}

/** A USD company on NET30 served by rep@seller.example, with no users yet: `aCompany('acme').withBuyer(...)`. */
export const aCompany = (companyId = 'acme') =>
  new CompanyBuilder({
    companyId,
    name: `${companyId} Inc.`,
    accountRepEmail: 'rep@seller.example',
    paymentTerms: 'NET30',
    currency: 'USD',
    users: [],
  });

/** A builder starting from an existing company: `aCompanyLike(globex).withApprover(...)`. */
export const aCompanyLike = (company: Company) => new CompanyBuilder(company);
