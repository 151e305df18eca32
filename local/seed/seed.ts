import { approvalRulesSchema } from '#domain/approval-rule.ts';
import { type Company, companySchema, type Role } from '#domain/company.ts';
import { contractSchema } from '#domain/contract.ts';
import { productSchema } from '#domain/product.ts';
import { taxSettingsSchema } from '#domain/tax.ts';
import type { LocalAccounts } from '#functions/accounts/table-accounts.ts';
import type { CatalogStore } from '#store/ports.ts';
import { products } from './catalog.ts';
import {
  acme,
  approvalRules,
  contractsFor,
  globex,
  iberica,
  nordkust,
  sellerStaff,
  sellerTaxSettings,
} from './companies.ts';

export const companies: Company[] = [acme, globex, nordkust, iberica];

/** Someone who can sign in locally: a dev token is minted for each at start-up. */
export interface DemoUser {
  email: string;
  name: string;
  groups: Role[];
  companyId?: string;
}

export const demoUsers: DemoUser[] = [
  ...companies.flatMap((company) =>
    company.users.map((user) => ({
      email: user.email,
      name: user.name,
      groups: user.roles,
      companyId: company.companyId,
    })),
  ),
  { ...sellerStaff.rep, groups: ['rep'] },
  { ...sellerStaff.salesManager, groups: ['sales-manager'] },
  { ...sellerStaff.admin, groups: ['admin'] },
];

/** The seeded people's sign-in accounts in the local user pool, which the local OIDC provider signs in from. */
export const seedDemoAccounts = async (accounts: Pick<LocalAccounts, 'put'>): Promise<number> => {
  await Promise.all(
    demoUsers.map((user) =>
      accounts.put({
        email: user.email,
        name: user.name,
        ...(user.companyId && { companyId: user.companyId }),
        groups: [...user.groups],
        enabled: true,
      }),
    ),
  );
  return demoUsers.length;
};

/** Every local user's password at the local sign-in page (the local OIDC provider). Local only. */
export const demoPassword = 'quote-to-order';

export const demoUser = (email: string): DemoUser => {
  const user = demoUsers.find((u) => u.email === email);
  if (!user) throw new Error(`${email} is not a seeded user`);
  return user;
};

/**
 * Loads the demo catalog, companies, contracts, approval rules and the seller's tax settings through the store. Every write is an upsert of the
 * whole resource, so seeding twice (a `--persist` restart) leaves the same data. Everything is parsed by the same
 * schemas the admin API uses, so the seed cannot hold what the API would refuse.
 */
export const seedDemoData = async (
  catalog: CatalogStore,
  today: Date = new Date(),
): Promise<{ products: number; companies: number }> => {
  await Promise.all(products.map((product) => catalog.putProduct(productSchema.parse(product))));
  for (const company of companies) {
    await catalog.putCompany(companySchema.parse(company));
    const { rules } = approvalRulesSchema.parse({ rules: approvalRules[company.companyId] ?? [] });
    await catalog.putApprovalRules(company.companyId, rules);
  }
  for (const contract of contractsFor(today)) await catalog.putContract(contractSchema.parse(contract));
  await catalog.putTaxSettings(taxSettingsSchema.parse(sellerTaxSettings));
  return { products: products.length, companies: companies.length };
};
