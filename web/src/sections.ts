/**
 * The menu entries only some people see. They live apart from their pages so the menu can be drawn without fetching
 * the pages' code; each page's API route decides what its reader may see.
 */
type Reader = { groups: string[]; companyId?: string };

/** For the people who approve purchases (a company admin's token reads as approver too). */
export const approvalsSection = {
  to: 'approvals',
  for: (person: Reader) =>
    person.companyId && person.groups.some((g) => g === 'approver' || g === 'admin')
      ? [{ to: 'approvals', label: 'Approvals' }]
      : [],
};

/** For who reads KPIs (seller staff, a company's admin). */
export const dashboardSection = {
  to: 'dashboard',
  for: (person: Reader) =>
    person.groups.some((g) => g === 'admin' || (!person.companyId && (g === 'rep' || g === 'sales-manager')))
      ? [{ to: 'dashboard', label: 'Dashboard' }]
      : [],
};

/** For a company's own admins. */
export const companySettingsSection = {
  to: 'company',
  for: (person: Reader) =>
    person.companyId && person.groups.includes('admin') ? [{ to: 'company', label: 'Company settings' }] : [],
};
