import { useState } from 'preact/hooks';
import type { Schemas } from '../api/client.ts';
import { useSignedIn } from '../signed-in.ts';
import { Unsendable, useAction } from '../ui/action.ts';
import { ActionProblem } from '../ui/action-problem.tsx';
import { money } from '../ui/money.ts';
import { minorUnitsOf } from '../ui/money-input.ts';
import { namesOf } from './approval-rules.tsx';

type Company = Schemas['Company'];
type Preview = Schemas['ApprovalChainPreview'];

/** "Which levels would a 2,500.00 order need?" — answered by the API from the saved rules, as the workflow would. */
export const ChainPreview = (props: { company: Company }) => {
  const { api } = useSignedIn();
  const { company } = props;
  const [typed, setTyped] = useState('2500.00');
  const [preview, setPreview] = useState<Preview | undefined>();
  const asking = useAction(() => {
    const total = minorUnitsOf(typed, company.currency);
    if (total === undefined) throw new Unsendable(`Type an amount in ${company.currency}, like 2500.00.`);
    return api.GET('/companies/{companyId}/approval-chain', {
      params: { path: { companyId: company.companyId }, query: { total } },
    });
  }, 'The preview could not be made.');
  const ask = async () => {
    const asked = await asking.run();
    if (asked) setPreview(asked.data);
  };
  return (
    <section class="panel" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview the approval chain</h2>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          ask();
        }}
      >
        <label>
          Which levels would an order of this total need? ({company.currency})
          <input inputMode="decimal" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
        </label>
        <button type="submit">Preview</button>
      </form>
      <ActionProblem action={asking} />
      <div aria-live="polite">
        {preview &&
          (preview.levels.length === 0 ? (
            <p>
              An order of {money(preview.total, preview.currency)} needs no approval: it is approved as soon as the
              buyer accepts.
            </p>
          ) : (
            <>
              <p>
                An order of {money(preview.total, preview.currency)} needs {preview.levels.length}{' '}
                {preview.levels.length === 1 ? 'level' : 'levels'}:
              </p>
              <ol class="preview">
                {preview.levels.map((level) => (
                  <li key={level.level}>
                    {level.mode === 'any' ? 'Any one of' : 'Every one of'} {namesOf(company, level.approvers)}
                    {level.escalated && ' (the company’s admins: nobody else was left)'}
                    <div class="secondary">because of {level.rules.join('; ')}</div>
                  </li>
                ))}
              </ol>
            </>
          ))}
      </div>
    </section>
  );
};
