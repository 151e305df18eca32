import { useState } from 'preact/hooks';
import { problemText, type Schemas } from '../api/client.ts';
import { useSignedIn } from '../signed-in.ts';
import { when } from '../ui/dates.ts';
import { useLoad } from '../ui/load.ts';
import { Show } from '../ui/page.tsx';

type Comment = Schemas['CommentList']['items'][number];

const roleNames: Record<Comment['role'], string> = {
  buyer: 'buyer',
  approver: 'approver',
  rep: 'sales rep',
  'sales-manager': 'sales manager',
  admin: 'admin',
  system: 'system',
};

/**
 * The RFQ's conversation with the seller: every shared post and every comment a decision carried (a revision request,
 * the rep's shared note, an approver's reason), oldest first, and a form to write to the sales rep.
 */
export const Thread = (props: { rfqId: string; refreshKey: unknown }) => {
  const { api } = useSignedIn();
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<{ kind: 'notice' | 'error'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const path = { rfqId: props.rfqId };
  const [loaded, reload] = useLoad(async () => {
    const { data, error } = await api.GET('/rfqs/{rfqId}/comments', { params: { path } });
    if (!data) throw new Error(problemText(error, 'The conversation could not be loaded.'));
    return data.items;
  }, [props.rfqId, props.refreshKey]);

  const post = async () => {
    setBusy(true);
    const { error } = await api.POST('/rfqs/{rfqId}/comments', {
      params: { path },
      body: { text: text.trim(), visibility: 'shared' },
    });
    setBusy(false);
    if (error) {
      setAnswer({ kind: 'error', text: problemText(error, 'Your message was not sent. Try again.') });
      return;
    }
    setText('');
    setAnswer({ kind: 'notice', text: 'Sent. The sales rep reads it here and with the RFQ.' });
    reload();
  };

  return (
    <section aria-labelledby="thread-heading">
      <h2 id="thread-heading">Conversation with the seller</h2>
      <Show loaded={loaded}>
        {(comments) =>
          comments.length === 0 ? (
            <p>No messages yet.</p>
          ) : (
            <ol class="timeline">
              {comments.map((c) => (
                <li key={c.commentId}>
                  <div class="secondary">
                    <time dateTime={c.at}>{when(c.at)}</time> · {c.author} ({roleNames[c.role]})
                    {c.quoteVersion !== null && ` · on version ${c.quoteVersion}`}
                  </div>
                  <div class="message">{c.text}</div>
                </li>
              ))}
            </ol>
          )
        }
      </Show>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) post();
        }}
      >
        <label>
          Write to the sales rep
          <textarea rows={2} required maxLength={2000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit" class="secondary-action" disabled={busy}>
          Send
        </button>
      </form>
      <p role="status" class={answer?.kind === 'notice' ? 'notice' : undefined}>
        {answer?.kind === 'notice' ? answer.text : ''}
      </p>
      {answer?.kind === 'error' && (
        <p class="error" role="alert">
          {answer.text}
        </p>
      )}
    </section>
  );
};
