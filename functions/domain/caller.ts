import * as z from 'zod';
import { type Role, roles } from './company.ts';

/** Who is calling, from the verified JWT's claims. Seller staff (rep, sales-manager, admin) carry no companyId. */
export interface Caller {
  sub: string;
  email: string;
  groups: Role[];
  companyId?: string;
  /** A company user whose token carries `admin`: the company's own administrator (their groups read as approver). */
  companyAdmin?: true;
}

export class InvalidClaims extends Error {
  override readonly name = 'InvalidClaims';
}

const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

/**
 * `cognito:groups` arrives as an array from a decoded token but as the string `[buyer approver]` from the API Gateway
 * JWT authorizer (it flattens arrays); a single group may also come as a bare string. Unknown groups are dropped.
 */
export const parseGroups = (claim: unknown): Role[] => {
  const names = Array.isArray(claim)
    ? claim.map(String)
    : typeof claim === 'string'
      ? claim
          .replace(/^\[|\]$/g, '')
          .split(/[\s,]+/)
          .map((g) => g.replace(/^"|"$/g, ''))
      : [];
  return [...new Set(names.filter(isRole))];
};

const claimsSchema = z.object({
  sub: z.string().min(1),
  email: z.email().transform((e) => e.toLowerCase()),
  'custom:companyId': z.string().min(1).optional(),
});

const sellerRoles: ReadonlySet<Role> = new Set(['rep', 'sales-manager', 'admin']);

/**
 * Seller roles count only for seller staff, whose tokens carry no companyId. On a company user's token `admin` is the
 * company's own administrator: it reads its company's data like an approver and never the seller's reference data.
 */
const effectiveGroups = (groups: Role[], companyId: string | undefined): Role[] =>
  companyId
    ? [...new Set(groups.map((g): Role => (g === 'admin' ? 'approver' : g)).filter((g) => !sellerRoles.has(g)))]
    : groups.filter((g) => sellerRoles.has(g));

export const callerFromClaims = (claims: Record<string, unknown>): Caller => {
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) throw new InvalidClaims('the token lacks a subject or an email');
  const { sub, email, 'custom:companyId': companyId } = parsed.data;
  const named = parseGroups(claims['cognito:groups']);
  const groups = effectiveGroups(named, companyId);
  return {
    sub,
    email,
    groups,
    ...(companyId && { companyId }),
    ...(companyId && named.includes('admin') && { companyAdmin: true as const }),
  };
};

export const hasRole = (caller: Caller, allowed: readonly Role[]): boolean =>
  caller.groups.some((g) => allowed.includes(g));
