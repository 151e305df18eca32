import type { PeopleDeps } from '#application/company-people.ts';
import type { Caller } from '#domain/caller.ts';
import { mayManageCompanyUsers, mayWriteCompanySettings } from '#domain/policy.ts';
import type { CompanyRecord } from '#store/ports.ts';
import { forbidden, notFound } from './problem.ts';

/**
 * The company whose people's invitations the caller handles, once the policy lets them: its admin as the token says
 * and — read from the stored list — still its admin now (a token from before their removal does nothing), or the
 * seller's admin. 403 otherwise, 404 for no such company.
 */
export const companyOfItsAdmin = async (
  deps: Pick<PeopleDeps, 'store'>,
  caller: Caller,
  companyId: string,
): Promise<CompanyRecord> => {
  if (!mayManageCompanyUsers(caller, companyId)) throw forbidden('only an admin of this company invites its people');
  const record = await deps.store.companies.get(companyId);
  if (!record) throw notFound(`no company ${companyId}`);
  if (!mayWriteCompanySettings(caller, record.company)) throw forbidden('you are no longer an admin of this company');
  return record;
};
