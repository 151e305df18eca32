import type { Store } from '#store/ports.ts';
import { isKnownSellerStaff } from './delegate-standing.ts';
import { clearDelegation } from './out-of-office.ts';

/**
 * A company's rep changed (the seller's admin saved it with another). A former rep who serves no account any more is
 * no longer one of the seller's staff, so what a delegation gave them ends now, as it does for a company's leaver
 * (company-people.ts): every seller-side delegation naming them as delegate, and their own — clearing each revokes its
 * stand-in links (out-of-office.ts). A rep who still serves another account, or is the sales manager, keeps theirs.
 * Should this fail after the save, a link of theirs is still refused when opened or used (delegate-standing.ts).
 */
export const endFormerRepDelegations = async (
  deps: { store: Store; now: () => Date; salesManager: string },
  formerRep: string,
): Promise<void> => {
  const rep = formerRep.toLowerCase();
  if (await isKnownSellerStaff({ store: deps.store, salesManager: deps.salesManager }, rep)) return;
  // Seller-side delegations belong to the seller's staff: the sales manager and every account's rep (and the former).
  const staff = new Set([
    deps.salesManager.toLowerCase(),
    rep,
    ...(await deps.store.catalog.allCompanies()).map((c) => c.accountRepEmail),
  ]);
  for (const person of staff) {
    const delegation = await deps.store.delegations.get(person);
    if (!delegation || delegation.companyId !== undefined) continue;
    if (person === rep) await clearDelegation(deps, person, { because: 'person-left' });
    else if (delegation.delegateEmail === rep) await clearDelegation(deps, person, { because: 'delegate-not-staff' });
  }
};
