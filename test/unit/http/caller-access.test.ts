import { describe, expect, it } from 'vitest';
import { canSee, listScope } from '#domain/access.ts';
import { type Caller, callerFromClaims, InvalidClaims, parseGroups } from '#domain/caller.ts';
import { matchRoute, unmatchedProblem } from '#http/match-route.ts';
import { routes } from '#http/routes.ts';

const buyer: Caller = { sub: '1', email: 'bea@acme.example', groups: ['buyer'], companyId: 'acme' };
const rep: Caller = { sub: '2', email: 'rita@seller.example', groups: ['rep'] };
const admin: Caller = { sub: '3', email: 'root@seller.example', groups: ['admin'] };
const acmeRfq = { companyId: 'acme', accountRepEmail: 'rita@seller.example' };
const globexRfq = { companyId: 'globex', accountRepEmail: 'rob@seller.example' };

describe('the caller from JWT claims', () => {
  it('reads groups as API Gateway flattens them, and as a token carries them', () => {
    expect(parseGroups('[buyer approver]')).toEqual(['buyer', 'approver']);
    expect(parseGroups(['rep', 'sales-manager'])).toEqual(['rep', 'sales-manager']);
    expect(parseGroups('admin')).toEqual(['admin']);
    expect(parseGroups('[buyer superuser]')).toEqual(['buyer']);
    expect(parseGroups(undefined)).toEqual([]);
  });

  it('needs a subject and an email', () => {
    expect(() => callerFromClaims({ email: 'a@b.example' })).toThrow(InvalidClaims);
    expect(() => callerFromClaims({ sub: 'x', email: 'not an email' })).toThrow(InvalidClaims);
  });

  it('counts seller roles only for seller staff: a company admin reads its company like an approver', () => {
    const companyAdmin = callerFromClaims({
      sub: 'x',
      email: 'Ada@Acme.example',
      'custom:companyId': 'acme',
      'cognito:groups': '[admin]',
    });
    expect(companyAdmin).toEqual({ sub: 'x', email: 'ada@acme.example', groups: ['approver'], companyId: 'acme' });
    expect(canSee(companyAdmin, globexRfq)).toBe(false);
    const staffPosingAsBuyer = callerFromClaims({
      sub: 'y',
      email: 'rita@seller.example',
      'cognito:groups': '[rep buyer]',
    });
    expect(staffPosingAsBuyer.groups).toEqual(['rep']);
  });
});

describe('who sees what', () => {
  it('shows a buyer their own company only', () => {
    expect(canSee(buyer, acmeRfq)).toBe(true);
    expect(canSee(buyer, globexRfq)).toBe(false);
    expect(listScope(buyer)).toEqual({ kind: 'company', companyId: 'acme' });
  });

  it('shows a rep the accounts they own', () => {
    expect(canSee(rep, acmeRfq)).toBe(true);
    expect(canSee(rep, globexRfq)).toBe(false);
    expect(listScope(rep)).toEqual({ kind: 'rep', repEmail: 'rita@seller.example' });
  });

  it('shows admins and sales managers everything', () => {
    expect(canSee(admin, globexRfq)).toBe(true);
    expect(canSee({ ...rep, groups: ['sales-manager'] }, globexRfq)).toBe(true);
    expect(listScope(admin)).toEqual({ kind: 'all' });
  });

  it('shows nothing to a token with no usable group', () => {
    const nobody: Caller = { sub: '4', email: 'x@acme.example', groups: [] };
    expect(canSee(nobody, acmeRfq)).toBe(false);
    expect(listScope(nobody)).toBeUndefined();
  });
});

describe('the route table', () => {
  it('keys every route by its method and path, and names a handler file after its verb and resource', () => {
    for (const route of routes) {
      expect(route.key).toBe(`${route.method} ${route.path}`);
      expect(route.handler).toMatch(/^functions\/http\/[a-z]+(-[a-z]+)+\.ts$/);
    }
  });

  it('matches paths like API Gateway, and tells 404 from 405', () => {
    const found = matchRoute(routes, 'POST', '/rfqs/rfq_1/accept');
    expect(found).toMatchObject({
      kind: 'route',
      route: { key: 'POST /rfqs/{rfqId}/accept' },
      params: { rfqId: 'rfq_1' },
    });
    const wrongMethod = matchRoute(routes, 'DELETE', '/rfqs/rfq_1');
    expect(wrongMethod).toEqual({ kind: 'wrong-method', allow: ['GET'] });
    expect(unmatchedProblem(wrongMethod, 'DELETE', '/rfqs/rfq_1').status).toBe(405);
    expect(unmatchedProblem(matchRoute(routes, 'GET', '/nope'), 'GET', '/nope').status).toBe(404);
  });
});
