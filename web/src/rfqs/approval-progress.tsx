import type { Schemas } from '../api/client.ts';
import { when } from '../ui/dates.ts';

type Step = Schemas['Rfq']['approvals'][number];

/**
 * Where a level stands, in the buyer's words. The chain stores a level that is asked but undecided as WAITING (PENDING
 * once some of an every-one level approved), so whether it is asked yet follows from the RFQ: while it waits for
 * approval, the first level not yet approved is the one being asked.
 */
const standing = (step: Step, current: boolean, waiting: boolean): string => {
  if (step.status === 'APPROVED') return 'approved';
  if (step.status === 'REJECTED') return 'rejected';
  if (step.status === 'NOT_NEEDED') return 'not needed';
  if (current) return step.status === 'PENDING' ? 'partly approved, waiting for the others' : 'waiting for a decision';
  return waiting ? 'not asked yet' : 'not decided';
};

/** Who the current level still waits for: any one of its approvers, or each of them who has not approved yet. */
const waitingFor = (step: Step): string => {
  const decided = new Set(step.decisions.map((d) => d.approver));
  const open = step.approvers.filter((a) => !decided.has(a));
  return step.mode === 'any' ? `Waiting for any one of ${open.join(', ')}` : `Waiting for ${open.join(', ')}`;
};

/** The company's approval chain after acceptance: level by level, who is asked, who decided what, who is pending. */
export const ApprovalProgress = (props: { steps: Step[]; waiting: boolean }) => {
  const done = props.steps.filter((s) => s.status === 'APPROVED').length;
  const current = props.waiting ? props.steps.find((s) => s.status !== 'APPROVED') : undefined;
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
              Level {step.level}: {standing(step, step === current, props.waiting)}
            </strong>
            <div class="secondary">
              {step === current
                ? waitingFor(step)
                : `${step.mode === 'all' ? 'Every one of' : 'Any one of'} ${step.approvers.join(', ')}`}
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
