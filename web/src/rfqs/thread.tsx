import { useState } from 'preact/hooks';
import { problemText, type Schemas } from '../api/client.ts';
import { useSignedIn } from '../signed-in.ts';
import { useAction } from '../ui/action.ts';
import { ActionProblem } from '../ui/action-problem.tsx';
import { when } from '../ui/dates.ts';
import { useLoad } from '../ui/load.ts';
import { Show } from '../ui/page.tsx';

type Comment = Schemas['Comment'];
type Visibility = Comment['visibility'];

const roleNames: Record<Comment['role'], string> = {
  buyer: 'buyer',
  approver: 'approver',
  rep: 'sales rep',
  'sales-manager': 'sales manager',
  admin: 'admin',
  system: 'system',
};

/** The words each side reads the thread in: the seller's staff post for the buyer or for colleagues, the buyer writes to the rep. */
const sides = {
  staff: {
    heading: 'Thread',
    empty: 'Nobody has written yet.',
    label: 'Write in the thread',
    button: 'Post',
    sent: (visibility: Visibility) =>
      visibility === 'seller' ? 'Your note was added for the seller’s staff.' : 'Your post was added to the thread.',
  },
  company: {
    heading: 'Conversation with the seller',
    empty: 'No messages yet.',
    label: 'Write to the sales rep',
    button: 'Send',
    sent: () => 'Sent. The sales rep reads it here and with the RFQ.',
  },
} as const;

/**
 * The RFQ's one thread, oldest first: every shared post and every comment a decision carried (a revision request, the
 * rep's note, an approver's reason), and for the seller's staff their own notes too, marked. The API decides who reads
 * and writes what; the seller's staff get the choice of who reads their post, since only they may write a note.
 */
export const Thread = (props: { rfqId: string; refreshKey?: unknown }) => {
  const { api, me } = useSignedIn();
  const staff = me.audience === 'seller';
  const words = sides[staff ? 'staff' : 'company'];
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('shared');
  const [notice, setNotice] = useState('');
  const path = { rfqId: props.rfqId };
  const [loaded, reload] = useLoad(async () => {
    const { data, error } = await api.GET('/rfqs/{rfqId}/comments', { params: { path } });
    if (!data) throw new Error(problemText(error, 'The thread could not be loaded.'));
    return data.items;
  }, [props.rfqId, props.refreshKey]);

  const post = useAction(
    () => api.POST('/rfqs/{rfqId}/comments', { params: { path }, body: { text: text.trim(), visibility } }),
    'Your message was not sent. Try again.',
  );

  return (
    <section class={staff ? 'panel thread' : undefined} aria-labelledby="thread-heading">
      <h2 id="thread-heading">{words.heading}</h2>
      <Show loaded={loaded}>
        {(comments) =>
          comments.length === 0 ? (
            <p>{words.empty}</p>
          ) : (
            <ol class="comments">
              {comments.map((c) => (
                <li key={c.commentId} class={c.visibility === 'seller' ? 'seller-note' : undefined}>
                  <div class="secondary">
                    <time dateTime={c.at}>{when(c.at)}</time> · {c.author} ({roleNames[c.role]})
                    {c.quoteVersion !== null && ` · on version ${c.quoteVersion}`}
                    {c.visibility === 'seller' && <strong> · seller note, not shown to the buyer</strong>}
                  </div>
                  <div class="message">{c.text}</div>
                </li>
              ))}
            </ol>
          )
        }
      </Show>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!text.trim()) return;
          setNotice('');
          if (!(await post.run())) return;
          setText('');
          setNotice(words.sent(visibility));
          reload();
        }}
      >
        <label>
          {words.label}
          <textarea rows={2} required maxLength={2000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <div class="actions">
          {staff && (
            <label>
              Who reads it
              <select value={visibility} onChange={(e) => setVisibility(e.currentTarget.value as Visibility)}>
                <option value="shared">The buyer and the seller</option>
                <option value="seller">The seller’s staff only</option>
              </select>
            </label>
          )}
          <button type="submit" class="secondary-action" disabled={post.busy}>
            {words.button}
          </button>
        </div>
      </form>
      <p role="status" class={notice ? 'notice' : undefined}>
        {notice}
      </p>
      <ActionProblem action={post} />
    </section>
  );
};
