import type { Schemas } from '../api/client.ts';
import { t } from '../i18n/language.ts';
import { when } from '../ui/dates.ts';

type Step = Schemas['Rfq']['approvals'][number];

/**
 * Where a level stands, in the buyer's words. The chain stores a level that is asked but undecided as WAITING (PENDING
 * once some of an every-one level approved), so whether it is asked yet follows from the RFQ: while it waits for
 * approval, the first level not yet approved is the one being asked.
 */
const standing = (step: Step, current: boolean, waiting: boolean): string => {
  if (step.status === 'APPROVED') return t('progress.approved');
  if (step.status === 'REJECTED') return t('progress.rejected');
  if (step.status === 'NOT_NEEDED') return t('progress.notNeeded');
  if (current) return step.status === 'PENDING' ? t('progress.partly') : t('progress.waiting');
  return waiting ? t('progress.notAsked') : t('progress.notDecided');
};

/** Who the current level still waits for: any one of its approvers, or each of them who has not approved yet. */
const waitingFor = (step: Step): string => {
  const decided = new Set(step.decisions.map((d) => d.approver));
  const open = step.approvers.filter((a) => !decided.has(a));
  return t(step.mode === 'any' ? 'progress.waitingForAny' : 'progress.waitingFor', { who: open.join(', ') });
};

/** The company's approval chain after acceptance: level by level, who is asked, who decided what, who is pending. */
export const ApprovalProgress = (props: { steps: Step[]; waiting: boolean }) => {
  const done = props.steps.filter((s) => s.status === 'APPROVED').length;
  const current = props.waiting ? props.steps.find((s) => s.status !== 'APPROVED') : undefined;
  return (
    <section aria-labelledby="approvals-heading">
      <h2 id="approvals-heading">{t('progress.heading')}</h2>
      <p>
        <progress max={props.steps.length} value={done} aria-labelledby="approvals-heading" />{' '}
        {t('progress.done', { done, count: props.steps.length })}
      </p>
      <ol class="timeline">
        {props.steps.map((step) => (
          <li key={step.level}>
            <strong>
              {t('progress.level', { level: step.level, standing: standing(step, step === current, props.waiting) })}
            </strong>
            <div class="secondary">
              {step === current
                ? waitingFor(step)
                : t(step.mode === 'all' ? 'progress.everyOne' : 'progress.anyOne', { who: step.approvers.join(', ') })}
              {step.escalated ? ` ${t('progress.escalated')}` : ''}
            </div>
            {step.decisions.map((d) => (
              <div key={`${d.approver}-${d.at}`}>
                {t(d.decision === 'approve' ? 'progress.approvedBy' : 'progress.rejectedBy', {
                  who: d.approver,
                  when: when(d.at),
                })}
                {d.comment ? `: “${d.comment}”` : ''}
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
};
