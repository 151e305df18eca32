import { describe, expect, it } from 'vitest';
import { callerFromClaims, InvalidClaims, parseGroups } from '#domain/caller.ts';
import { mayRead } from '#domain/policy.ts';
import { matchRoute, unmatchedProblem } from '#http/match-route.ts';
import { routes } from '#http/routes.ts';

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
    expect(companyAdmin).toEqual({
      sub: 'x',
      email: 'ada@acme.example',
      groups: ['approver'],
      companyId: 'acme',
      companyAdmin: true,
    });
    expect(mayRead(companyAdmin, globexRfq)).toBe(false);
    const staffPosingAsBuyer = callerFromClaims({
      sub: 'y',
      email: 'rita@seller.example',
      'cognito:groups': '[rep buyer]',
    });
    expect(staffPosingAsBuyer.groups).toEqual(['rep']);
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
