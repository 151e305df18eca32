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
import { ActionProblem } from '../ui/action-problem.tsx';

type Task = Schemas['TaskList']['items'][number];

const decisionWords = { approve: 'approved', reject: 'rejected' } as const;

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
          <dt>Standing in for</dt>
          <dd>{task.onBehalfOf} (out of office): your decision is recorded as yours, for them</dd>
        </>
      )}
      <dt>Why you are asked</dt>
      <dd>{approval.rules.length ? approval.rules.join('; ') : 'The company’s approval rules'}</dd>
      <dt>Level</dt>
      <dd>
        {approval.level} of {approval.levels} ·{' '}
        {approval.mode === 'any' ? 'any one approver decides' : 'every approver must approve'}
        {approval.escalated && ' · escalated to you'}
      </dd>
      <dt>On this level</dt>
      <dd>{approval.approvers.join(', ')}</dd>
      <dt>Earlier decisions</dt>
      <dd>
        {earlier.length === 0 ? (
          'None yet'
        ) : (
          <ul class="decisions">
            {earlier.map((d) => (
              <li key={`${d.level}-${d.approver}`}>
                Level {d.level}: {d.approver} {decisionWords[d.decision]} on {when(d.at)}
                {d.comment && <q>{d.comment}</q>}
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>Decide by</dt>
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
  const po = task.rfq.poNumber ? `PO ${task.rfq.poNumber}` : task.rfqId;
  const decision = useAction(
    (decision: 'approve' | 'reject') =>
      api.POST('/rfqs/{rfqId}/approval', {
        params: { path: { rfqId: task.rfqId } },
        body: { decision, quoteVersion: task.quoteVersion, ...(comment.trim() && { comment: comment.trim() }) },
      }),
    'Your decision could not be recorded. Try again.',
  );
  const decide = async (chosen: 'approve' | 'reject') => {
    if (await decision.run(chosen)) props.onDecided(`You ${decisionWords[chosen]} ${po} for ${task.rfq.companyName}`);
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
          · {task.rfq.lineCount} {task.rfq.lineCount === 1 ? 'line' : 'lines'} · bought by {task.rfq.buyerEmail} ·{' '}
          <Link to={`rfqs/${task.rfqId}`}>RFQ {task.rfqId}</Link>
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
          Comment for the buyer and the other approvers (optional)
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
            Approve
          </button>
          <button type="button" class="danger" disabled={decision.busy} onClick={() => decide('reject')}>
            Reject
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
    if (!data) throw new Error(problemText(error, 'Your approvals could not be loaded.'));
    return data.items.filter((t) => t.kind === 'purchase-approval');
  }, []);

  return (
    <>
      <PageTitle>Approvals waiting for you</PageTitle>
      <p class="notice approval-status" role="status">
        {message}
      </p>
      <Show loaded={loaded}>
        {(tasks) =>
          tasks.length === 0 ? (
            <p>Nothing waits for your approval.</p>
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
