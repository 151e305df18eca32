import * as z from 'zod';
import { email } from './company.ts';
import { type Actor, actorSchema } from './rfq.ts';

/**
 * The RFQ's thread: one conversation between the two companies. `shared` posts are for both sides; `seller` notes are
 * for the seller's staff only (the policy says who may write and read them). Decisions that carry a comment (the
 * rep's note, the sales manager's reason, a revision request, a decline reason, an approver's reason) are posts too.
 */
export const visibilities = ['shared', 'seller'] as const;
export const visibility = z.enum(visibilities);
export type Visibility = z.infer<typeof visibility>;

export const commentSchema = z.object({
  commentId: z.string().min(1),
  rfqId: z.string().min(1),
  at: z.iso.datetime(),
  author: email,
  role: actorSchema.shape.role,
  visibility,
  text: z.string().min(1),
  /** The quote version on the table when it was written (none before the first quote). */
  quoteVersion: z.number().int().min(1).nullable(),
  /** The decision it came with ('revision-requested', 'declined', ...); absent for a plain post. */
  decision: z.string().optional(),
});
export type Comment = z.infer<typeof commentSchema>;

/** A decision's comment, as the step that records the decision passes it to the store; by the event's actor unless `by`. */
export interface DecisionComment {
  text: string;
  visibility: Visibility;
  by?: Pick<Actor, 'email' | 'role'>;
}

/** A comment as a reader sees it: named fields only. */
export const commentViewSchema = commentSchema.omit({ rfqId: true }).extend({
  visibility: visibility.describe('shared: both companies; seller: the seller’s staff only'),
});
export type CommentView = z.infer<typeof commentViewSchema>;

export const commentView = (comment: Comment): CommentView => ({
  commentId: comment.commentId,
  at: comment.at,
  author: comment.author,
  role: comment.role,
  visibility: comment.visibility,
  text: comment.text,
  quoteVersion: comment.quoteVersion,
  ...(comment.decision !== undefined && { decision: comment.decision }),
});

/** The thread as one reader may see it, oldest first: `seller` notes only when `readsSellerNotes`. */
export const threadView = (comments: readonly Comment[], readsSellerNotes: boolean): CommentView[] =>
  comments.filter((c) => c.visibility === 'shared' || readsSellerNotes).map(commentView);
