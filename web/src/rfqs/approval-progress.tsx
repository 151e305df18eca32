import type { Schemas } from '../api/client.ts';
import { when } from '../ui/dates.ts';

type Step = Schemas['Rfq']['approvals'][number];

const stepStatus: Record<Step['status'], string> = {
  WAITING: 'not asked yet',
  PENDING: 'waiting for a decision',
  APPROVED: 'approved',
  REJECTED: 'rejected',
};

/** The company's approval chain after acceptance: level by level, who is asked, and who decided what. */
export const ApprovalProgress = (props: { steps: Step[] }) => {
  const done = props.steps.filter((s) => s.status === 'APPROVED').length;
  return (
    <section aria-labelledby="approvals-heading">
      <h2 id="approvals-heading">Approval progress</h2>
      <p>
        <progress max={props.steps.length} value={done} aria-labelledby="approvals-heading" /> {done} of{' '}
        {props.steps.length} {props.steps.length === 1 ? 'level' : 'levels'} approved
      </p>
      <ol class="timeline">
        {props.steps.map((step) => (
          <li key={step.level}>
            <strong>
              Level {step.level}: {stepStatus[step.status]}
            </strong>
            <div class="secondary">
              {step.mode === 'all' ? 'Every one of' : 'Any one of'} {step.approvers.join(', ')}
              {step.escalated ? ' (escalated)' : ''}
            </div>
            {step.decisions.map((d) => (
              <div key={`${d.approver}-${d.at}`}>
                {d.approver} {d.decision === 'approve' ? 'approved' : 'rejected'} on {when(d.at)}
                {d.comment ? `: “${d.comment}”` : ''}
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
};
