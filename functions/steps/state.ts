import * as z from 'zod';
import { visibility } from '#domain/comment.ts';
import { email } from '#domain/company.ts';
import { sku } from '#domain/product.ts';
import { addedLineSchema, lineEditSchema } from '#domain/quote-edits.ts';

/**
 * The execution's data between states, as the ASL passes it around. Steps parse their input with these schemas (zod
 * at the edge) and return the next state explicitly, so a field a step does not know never leaks forward.
 */
export const timeoutsSchema = z.object({
  reviewSeconds: z.number().int().positive(),
  approvalSeconds: z.number().int().positive(),
  escalationSeconds: z.number().int().positive(),
  quoteSeconds: z.number().int().positive(),
});
export type Timeouts = z.infer<typeof timeoutsSchema>;

export const workflowStateSchema = z.object({
  rfqId: z.string().min(1),
  quoteVersion: z.number().int().min(1),
  timeouts: timeoutsSchema,
});
export type WorkflowState = z.infer<typeof workflowStateSchema>;

/** The input of a request step (a `.waitForTaskToken` Task). */
export const waitRequestSchema = z.object({
  rfqId: z.string().min(1),
  quoteVersion: z.number().int().min(1),
  taskToken: z.string().min(1),
  expiresInSeconds: z.number().int().positive(),
  reminder: z.boolean().default(false),
  /** The wait after the reminder: it also goes to whoever stands in when the people asked do not answer. */
  escalate: z.boolean().optional(),
});
export type WaitRequest = z.infer<typeof waitRequestSchema>;

export const adjustmentSchema = z.object({ sku, unitPrice: z.number().int().min(0) });

/** What a rep-review or discount-approval wait resumes with (SendTaskSuccess output). */
export const sellerDecisionSchema = z.object({
  /** `reassign`: the sales manager gives an escalated review to another rep (`reassignTo`). */
  decision: z.enum(['approve', 'reject', 'reassign']),
  reassignTo: email.optional(),
  comment: z.string().optional(),
  commentVisibility: visibility.optional(),
  adjustments: z.array(adjustmentSchema).optional(),
  /** The seller's line edits (quantity, remove, substitute) and added lines (catalog or custom). */
  lines: z.array(lineEditSchema).optional(),
  add: z.array(addedLineSchema).optional(),
  /** Price every catalog line afresh from the contract, instead of keeping the agreed prices. */
  reprice: z.boolean().optional(),
  by: email,
  role: z.enum(['rep', 'sales-manager', 'admin']),
  /** A delegate decided for this person (out of office): recorded as "by for onBehalfOf". */
  onBehalfOf: email.optional(),
  at: z.iso.datetime(),
  waitId: z.string().min(1),
});
export type SellerDecision = z.infer<typeof sellerDecisionSchema>;

/** What the buyer-decision wait resumes with. */
export const buyerDecisionSchema = z.object({
  decision: z.enum(['accept', 'decline', 'revise']),
  poNumber: z.string().optional(),
  reason: z.string().optional(),
  comment: z.string().optional(),
  /** A revision request's line changes. */
  lines: z.array(lineEditSchema).optional(),
  add: z.array(addedLineSchema).optional(),
  by: email,
  at: z.iso.datetime(),
  quoteVersion: z.number().int().min(1),
});
export type BuyerDecisionOutput = z.infer<typeof buyerDecisionSchema>;

/** What an approval-level wait resumes with; on an `all` level each approver's decision is on their own link. */
export const levelDecisionSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  waitId: z.string().min(1),
  /** The approver whose click ended the wait: on an `any` level, theirs is the decision. */
  by: email,
  at: z.iso.datetime(),
});
export type LevelDecision = z.infer<typeof levelDecisionSchema>;

export const levelStateSchema = workflowStateSchema.extend({ level: z.number().int().min(1) });
export type LevelState = z.infer<typeof levelStateSchema>;
