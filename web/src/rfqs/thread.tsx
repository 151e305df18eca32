import { useEffect, useRef, useState } from 'preact/hooks';
import { problemText, type Schemas } from '../api/client.ts';
import type { AppMessage } from '../i18n/en.ts';
import { t } from '../i18n/language.ts';
import { useSignedIn } from '../signed-in.ts';
import { useAction } from '../ui/action.ts';
import { ActionProblem } from '../ui/action-problem.tsx';
import { when } from '../ui/dates.ts';
import { type Loaded, useLoad } from '../ui/load.ts';
import { Show } from '../ui/page.tsx';

type Comment = Schemas['Comment'];
type Visibility = Comment['visibility'];

const roleNames: Record<Comment['role'], AppMessage> = {
  buyer: 'role.buyer',
  approver: 'role.approver',
  rep: 'role.rep',
  'sales-manager': 'role.salesManager',
  admin: 'role.admin',
  system: 'role.system',
};

/** The words each side reads the thread in: the seller's staff post for the buyer or for colleagues, the buyer writes to the rep. */
const sides = {
  staff: {
    heading: 'thread.staff.heading',
    empty: 'thread.staff.empty',
    label: 'thread.staff.label',
    button: 'thread.staff.button',
    sent: (visibility: Visibility) => (visibility === 'seller' ? 'thread.staff.sentNote' : 'thread.staff.sentPost'),
  },
  company: {
    heading: 'thread.company.heading',
    empty: 'thread.company.empty',
    label: 'thread.company.label',
    button: 'thread.company.button',
    sent: () => 'thread.company.sent',
  },
} as const satisfies Record<string, Record<string, AppMessage | ((v: Visibility) => AppMessage)>>;

export interface Comments {
  loaded: Loaded<Comment[]>;
  reload: () => void;
}

/**
 * The thread of an RFQ, asked for as the page opens — beside the RFQ, not after it: the page knows the RFQ's id from
 * its address. Read again when `movedOn` changes from what the first answer came with (the RFQ was updated), and
 * after a post.
 */
export const useComments = (rfqId: string, movedOn: unknown): Comments => {
  const { api } = useSignedIn();
  const [loaded, reload] = useLoad(async () => {
    const { data, error } = await api.GET('/rfqs/{rfqId}/comments', { params: { path: { rfqId } } });
    if (!data) throw new Error(problemText(error, t('thread.failed')));
    return data.items;
  }, [rfqId]);
  const seen = useRef(movedOn);
  useEffect(() => {
    if (seen.current !== undefined && seen.current !== movedOn) reload();
    seen.current = movedOn;
  }, [movedOn, reload]);
  return { loaded, reload };
};

/**
 * The RFQ's one thread, oldest first: every shared post and every comment a decision carried (a revision request, the
 * rep's note, an approver's reason), and for the seller's staff their own notes too, marked. The API decides who reads
 * and writes what; the seller's staff get the choice of who reads their post, since only they may write a note.
 */
export const Thread = (props: { rfqId: string; comments: Comments }) => {
  const { api, me } = useSignedIn();
  const staff = me.audience === 'seller';
  const words = sides[staff ? 'staff' : 'company'];
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('shared');
  const [notice, setNotice] = useState('');
  const path = { rfqId: props.rfqId };
  const { loaded, reload } = props.comments;

  const post = useAction(
    () => api.POST('/rfqs/{rfqId}/comments', { params: { path }, body: { text: text.trim(), visibility } }),
    t('thread.notSent'),
  );

  return (
    <section class={staff ? 'panel thread' : undefined} aria-labelledby="thread-heading">
      <h2 id="thread-heading">{t(words.heading)}</h2>
      <Show loaded={loaded}>
        {(comments) =>
          comments.length === 0 ? (
            <p>{t(words.empty)}</p>
          ) : (
            <ol class="comments">
              {comments.map((c) => (
                <li key={c.commentId} class={c.visibility === 'seller' ? 'seller-note' : undefined}>
                  <div class="secondary">
                    <time dateTime={c.at}>{when(c.at)}</time> ·{' '}
                    {t('thread.author', { author: c.author, role: t(roleNames[c.role]) })}
                    {c.quoteVersion !== null && ` · ${t('thread.onVersion', { version: c.quoteVersion })}`}
                    {c.visibility === 'seller' && <strong> · {t('thread.sellerNote')}</strong>}
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
          setNotice(t(words.sent(visibility)));
          reload();
        }}
      >
        <label>
          {t(words.label)}
          <textarea rows={2} required maxLength={2000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <div class="actions">
          {staff && (
            <label>
              {t('thread.whoReads')}
              <select value={visibility} onChange={(e) => setVisibility(e.currentTarget.value as Visibility)}>
                <option value="shared">{t('thread.shared')}</option>
                <option value="seller">{t('thread.sellerOnly')}</option>
              </select>
            </label>
          )}
          <button type="submit" class="secondary-action" disabled={post.busy}>
            {t(words.button)}
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
