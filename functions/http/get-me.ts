import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { meView } from './me-view.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /me'), async ({ caller }) => {
  const company = caller.companyId ? await adapters().store.catalog.getCompany(caller.companyId) : undefined;
  return { status: 200, body: meView(caller, company) };
});
