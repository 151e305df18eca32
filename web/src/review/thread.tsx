import { useState } from 'preact/hooks';
import { problemText, type Schemas } from '../api/client.ts';
import { useSignedIn } from '../signed-in.ts';
import { when } from '../ui/dates.ts';
import { useLoad } from '../ui/load.ts';
import { Show } from '../ui/page.tsx';

type Comment = Schemas['Comment'];

const roleNames: Record<Comment['role'], string> = {
  buyer: 'buyer',
  approver: 'approver',
  rep: 'sales rep',
  'sales-manager': 'sales manager',
  admin: 'admin',
  system: 'system',
};

/**
 * The RFQ's one thread, as the seller's staff read it: shared posts and the seller's own notes (marked), oldest first,
 * and a post of their own — shared with the buyer, or a note for colleagues. The API decides who reads and writes what.
 */
export const Thread = (props: { rfqId: string }) => {
  const { api } = useSignedIn();
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<'shared' | 'seller'>('shared');
  const [answer, setAnswer] = useState<{ ok: boolean; text: string }>({ ok: true, text: '' });
  const path = { params: { path: { rfqId: props.rfqId } } };
  const [loaded, reload] = useLoad(async () => {
    const { data, error } = await api.GET('/rfqs/{rfqId}/comments', path);
    if (!data) throw new Error(problemText(error, 'The thread could not be loaded.'));
    return data.items;
  }, [props.rfqId]);

  const post = async () => {
    const { data, error } = await api.POST('/rfqs/{rfqId}/comments', {
      ...path,
      body: { text: text.trim(), visibility },
    });
    if (!data) {
      setAnswer({ ok: false, text: problemText(error, 'Your post could not be added.') });
      return;
    }
    setText('');
    setAnswer({
      ok: true,
      text:
        visibility === 'seller' ? 'Your note was added for the seller’s staff.' : 'Your post was added to the thread.',
    });
    reload();
  };

  return (
    <section class="panel thread" aria-labelledby="thread-heading">
      <h2 id="thread-heading">Thread</h2>
      <Show loaded={loaded}>
        {(comments) =>
          comments.length === 0 ? (
            <p>Nobody has written yet.</p>
          ) : (
            <ol class="comments">
              {comments.map((c) => (
                <li key={c.commentId} class={c.visibility === 'seller' ? 'seller-note' : undefined}>
                  <div class="secondary">
                    {c.author} ({roleNames[c.role]}) · {when(c.at)}
                    {c.quoteVersion !== null && ` · quote version ${c.quoteVersion}`}
                    {c.visibility === 'seller' && <strong> · seller note, not shown to the buyer</strong>}
                  </div>
                  <p>{c.text}</p>
                </li>
              ))}
            </ol>
          )
        }
      </Show>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          post();
        }}
      >
        <label>
          Write in the thread
          <textarea value={text} required maxLength={2000} rows={2} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <div class="actions">
          <label>
            Who reads it
            <select value={visibility} onChange={(e) => setVisibility(e.currentTarget.value as 'shared' | 'seller')}>
              <option value="shared">The buyer and the seller</option>
              <option value="seller">The seller’s staff only</option>
            </select>
          </label>
          <button type="submit" class="secondary-action">
            Post
          </button>
        </div>
      </form>
      <p role="status" class={answer.ok ? 'notice' : 'error'}>
        {answer.text}
      </p>
    </section>
  );
};
