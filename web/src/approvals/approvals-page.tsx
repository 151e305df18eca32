import { useState } from 'preact/hooks';
import { problemText, type Schemas } from '../api/client.ts';
import { Link } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { useAction } from '../ui/action.ts';
import { when } from '../ui/dates.ts';
import { useLoad } from '../ui/load.ts';
import { money } from '../ui/money.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import { OutOfOffice } from './out-of-office.tsx';
import './approvals.css';
import { t } from '../i18n/language.ts';
import { ActionProblem } from '../ui/action-problem.tsx';

type Task = Schemas['TaskList']['items'][number];

/** Why this person is asked: the rules, the level, who else is on it, and what was decided before them. */
const Context = (props: { task: Task }) => {
  const { task } = props;
  const approval = task.approval;
  if (!approval) return null;
  const earlier = approval.earlier.flatMap((level) => level.decisions.map((d) => ({ ...d, level: level.level })));
  return (
    <dl class="facts">
      {task.onBehalfOf && (
        <>
          <dt>{t('approvals.standingIn')}</dt>
          <dd>{t('approvals.standingInFor', { whom: task.onBehalfOf })}</dd>
        </>
      )}
      <dt>{t('approvals.why')}</dt>
      <dd>{approval.rules.length ? approval.rules.join('; ') : t('approvals.companyRules')}</dd>
      <dt>{t('approvals.level')}</dt>
      <dd>
        {t('approvals.levelOf', { level: approval.level, levels: approval.levels })} ·{' '}
        {approval.mode === 'any' ? t('approvals.anyDecides') : t('approvals.everyApproves')}
        {approval.escalated && ` · ${t('approvals.escalatedToYou')}`}
      </dd>
      <dt>{t('approvals.onLevel')}</dt>
      <dd>{approval.approvers.join(', ')}</dd>
      <dt>{t('approvals.earlier')}</dt>
      <dd>
        {earlier.length === 0 ? (
          t('approvals.noneYet')
        ) : (
          <ul class="decisions">
            {earlier.map((d) => (
              <li key={`${d.level}-${d.approver}`}>
                {t(d.decision === 'approve' ? 'approvals.earlierApproved' : 'approvals.earlierRejected', {
                  level: d.level,
                  who: d.approver,
                  when: when(d.at),
                })}
                {d.comment && <q>{d.comment}</q>}
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>{t('approvals.decideBy')}</dt>
      <dd>{when(task.dueAt)}</dd>
    </dl>
  );
};

/** One purchase waiting for this approver: what it is, why they are asked, and their decision. */
const Approval = (props: { task: Task; onDecided: (message: string) => void }) => {
  const { api } = useSignedIn();
  const { task } = props;
  const [comment, setComment] = useState('');
  const id = `approval-${task.rfqId}`;
  const po = task.rfq.poNumber ? t('approvals.po', { po: task.rfq.poNumber }) : task.rfqId;
  const decision = useAction(
    (decision: 'approve' | 'reject') =>
      api.POST('/rfqs/{rfqId}/approval', {
        params: { path: { rfqId: task.rfqId } },
        body: { decision, quoteVersion: task.quoteVersion, ...(comment.trim() && { comment: comment.trim() }) },
      }),
    t('approvals.failed'),
  );
  const decide = async (chosen: 'approve' | 'reject') => {
    if (await decision.run(chosen))
      props.onDecided(
        t(chosen === 'approve' ? 'approvals.youApproved' : 'approvals.youRejected', {
          po,
          company: task.rfq.companyName,
        }),
      );
  };

  return (
    <article class="panel approval" aria-labelledby={id}>
      <h2 id={id}>
        {po} · {task.rfq.companyName}
      </h2>
      <p class="amount">
        <span class="number">{money(task.rfq.total, task.rfq.currency)}</span>
        <span class="secondary">
          {' '}
          · {t('approvals.lines', { count: task.rfq.lineCount })} ·{' '}
          {t('approvals.boughtBy', { buyer: task.rfq.buyerEmail })} ·{' '}
          <Link to={`rfqs/${task.rfqId}`}>{t('order.rfq', { rfq: task.rfqId })}</Link>
        </span>
      </p>
      <Context task={task} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          decide('approve');
        }}
      >
        <label>
          {t('approvals.comment')}
          <textarea
            value={comment}
            maxLength={2000}
            rows={2}
            onInput={(event) => setComment(event.currentTarget.value)}
          />
        </label>
        <ActionProblem action={decision} />
        <div class="actions">
          <button type="submit" disabled={decision.busy}>
            {t('approvals.approve')}
          </button>
          <button type="button" class="danger" disabled={decision.busy} onClick={() => decide('reject')}>
            {t('approvals.reject')}
          </button>
        </div>
      </form>
    </article>
  );
};

/**
 * The approver's inbox: every purchase waiting for their decision, soonest due first, with why they are asked. A
 * decision here spends their emailed link, so the link then says it was already decided.
 */
export const ApprovalsPage = () => {
  const { api } = useSignedIn();
  const [message, setMessage] = useState('');
  const [loaded, reload] = useLoad(async () => {
    const { data, error } = await api.GET('/me/tasks');
    if (!data) throw new Error(problemText(error, t('approvals.loadFailed')));
    return data.items.filter((task) => task.kind === 'purchase-approval');
  }, []);

  return (
    <>
      <PageTitle>{t('approvals.title')}</PageTitle>
      <p class="notice approval-status" role="status">
        {message}
      </p>
      <Show loaded={loaded}>
        {(tasks) =>
          tasks.length === 0 ? (
            <p>{t('approvals.none')}</p>
          ) : (
            tasks.map((task) => (
              <Approval
                key={`${task.rfqId}-${task.approval?.level}`}
                task={task}
                onDecided={(text) => {
                  setMessage(text);
                  reload();
                }}
              />
            ))
          )
        }
      </Show>
      <OutOfOffice />
    </>
  );
};
