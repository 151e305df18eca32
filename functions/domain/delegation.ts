import * as z from 'zod';
import { email } from './company.ts';

/**
 * Out of office: a person names a delegate for a window; decisions due to them in that window also go to the
 * delegate, recorded as "delegate for person". The window is half-open, [from, to), in UTC timestamps.
 */
const longestWindowDays = 366;

export const delegationBodySchema = z
  .strictObject({
    delegateEmail: email,
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
  })
  .refine((d) => Date.parse(d.from) < Date.parse(d.to), {
    message: 'must be later than the start of the window (from)',
    path: ['to'],
  })
  .refine((d) => Date.parse(d.to) - Date.parse(d.from) <= longestWindowDays * 86_400_000, {
    message: `a delegation lasts at most ${longestWindowDays} days`,
    path: ['to'],
  });
export type DelegationBody = z.infer<typeof delegationBodySchema>;

/** When a delegation holds: [from, to), ISO 8601 UTC. */
export interface DelegationWindow {
  from: string;
  to: string;
}

/** Whose decisions a delegation hands on: a person, and their buyer company (none for the seller's staff). */
export interface Delegator {
  email: string;
  companyId?: string;
}

/** A stored delegation, as GET /me/delegation answers it. */
export const delegationSchema = z.object({
  /** Whose decisions are delegated. */
  personEmail: z.string(),
  /** The buyer company the person belongs to; absent for the seller's staff. */
  companyId: z.string().optional(),
  delegateEmail: z.string(),
  /** ISO 8601 UTC: the window [from, to). */
  from: z.string(),
  to: z.string(),
  setBy: z.string(),
  setAt: z.string(),
});
export type Delegation = z.infer<typeof delegationSchema>;

/**
 * Why a delegate's stand-in links stopped before they were used, kept on each link so its page says so rather than
 * "time ran out": the delegation was ended or changed (`by` whom: the person, or the admin who manages it), the
 * delegate may no longer stand in (removed or demoted at the company; for the seller, no longer serving an account),
 * or the person they stood in for left.
 */
export const standInEndedSchema = z.discriminatedUnion('because', [
  z.object({ because: z.literal('delegation-ended'), by: z.string() }),
  z.object({ because: z.literal('delegation-changed'), by: z.string() }),
  z.object({ because: z.literal('delegate-not-approver') }),
  z.object({ because: z.literal('delegate-not-staff') }),
  z.object({ because: z.literal('person-left') }),
]);
export type StandInEnded = z.infer<typeof standInEndedSchema>;

const iso = (at: string): string => new Date(at).toISOString();

export const delegationOf = (person: Delegator, body: DelegationBody, setBy: string, at: Date): Delegation => ({
  personEmail: person.email,
  ...(person.companyId && { companyId: person.companyId }),
  delegateEmail: body.delegateEmail,
  from: iso(body.from),
  to: iso(body.to),
  setBy,
  setAt: at.toISOString(),
});

/**
 * What is wrong with a delegation beyond its shape, field by field: a person cannot stand in for themselves, and a
 * window that has already ended hands nothing on.
 */
export const delegationProblems = (
  person: Delegator,
  body: DelegationBody,
  now: Date,
): { path: string; message: string }[] => [
  ...(body.delegateEmail === person.email.toLowerCase()
    ? [{ path: 'delegateEmail', message: 'name someone else: a person cannot stand in for themselves' }]
    : []),
  ...(Date.parse(body.to) <= now.getTime() ? [{ path: 'to', message: 'the window has already ended' }] : []),
];

/** Whether the window has not ended at `at` (it may not have started yet). */
export const isCurrentOrAhead = (delegation: Pick<DelegationWindow, 'to'>, at: Date): boolean =>
  at.toISOString() < delegation.to;

/**
 * The part of a wait a delegate's link may decide: from the later of now and the window's start, until the earlier
 * of the window's end and the wait's. None when the two do not overlap.
 */
export const delegateWindow = (
  delegation: DelegationWindow,
  wait: { now: Date; expiresAt: string },
): { activeFrom: string; expiresAt: string } | undefined => {
  const now = wait.now.toISOString();
  const activeFrom = delegation.from > now ? delegation.from : now;
  const expiresAt = delegation.to < wait.expiresAt ? delegation.to : wait.expiresAt;
  return activeFrom < expiresAt ? { activeFrom, expiresAt } : undefined;
};
