import { type Company, type CompanyUser, companySchema } from '#domain/company.ts';

class CompanyBuilder {
  constructor(private readonly company: Company) {}

  private with(changes: Partial<Company>): CompanyBuilder {
    return new CompanyBuilder({ ...this.company, ...changes });
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
