import { useState } from 'preact/hooks';
import type { Schemas } from '../api/client.ts';
import { useSignedIn } from '../signed-in.ts';
import { Unsendable, useAction } from '../ui/action.ts';
import { AnswerLine, type FormAnswer } from '../ui/form-answer.tsx';
import { money } from '../ui/money.ts';
import { minorUnitsOf } from '../ui/money-input.ts';

type Company = Schemas['Company'];
type BudgetsAnswer = Schemas['BudgetsWithStanding'];
type Budget = BudgetsAnswer['budgets'][number];
type Period = Budget['period'];

const periodNames: Record<Period, string> = { month: 'Monthly', quarter: 'Quarterly' };

/** "November 2026", or "Quarter from October 2026": the period a standing is for, as a person says it. */
const periodText = (period: Period, start: string): string => {
  const [year, month] = start.split('-').map(Number);
  const named = new Date(Date.UTC(year!, month! - 1, 1)).toLocaleDateString(undefined, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return period === 'month' ? named : `Quarter from ${named}`;
};

/**
 * The company's spending limits: per buyer (or every buyer) and month or quarter, added and removed, saved whole.
 * Its own admin also sees what each buyer has spent and has left this period; an order beyond what is left adds a
 * level of the company's admins to its approval chain.
 */
export const Budgets = (props: { company: Company; budgets: BudgetsAnswer; onSaved: () => void }) => {
  const { api } = useSignedIn();
  const { company, budgets } = props;
  const buyers = company.users.filter((u) => u.roles.includes('buyer'));
  const nameOf = (email: string | undefined) =>
    email === undefined ? 'Every buyer' : (company.users.find((u) => u.email === email)?.name ?? email);
  const [who, setWho] = useState('');
  const [period, setPeriod] = useState<Period>('month');
  const [amount, setAmount] = useState('');
  const [notice, setNotice] = useState('');
  // The budgets to save come from a function run inside the action, so a limit that cannot be read is its refusal.
  const saving = useAction(
    (next: () => Budget[]) =>
      api.PUT('/companies/{companyId}/budgets', {
        params: { path: { companyId: company.companyId } },
        body: { timeZone: budgets.timeZone, fiscalYearStartMonth: budgets.fiscalYearStartMonth, budgets: next() },
      }),
    'The budgets could not be saved.',
  );
  const save = async (next: () => Budget[]) => {
    setNotice('');
    const saved = await saving.run(next);
    if (!saved) return false;
    const count = saved.data.budgets.length;
    setNotice(`Saved ${count.toLocaleString()} ${count === 1 ? 'budget' : 'budgets'}.`);
    props.onSaved();
    return true;
  };
  const answer: FormAnswer = saving.error ? { ok: false, text: saving.error } : { ok: true, text: notice };

  return (
    <section class="panel" aria-labelledby="budgets-heading">
      <h2 id="budgets-heading">Budgets</h2>
      <p class="secondary">
        Periods follow {budgets.timeZone} time; the fiscal year (and so its first quarter) starts in{' '}
        {new Date(Date.UTC(2000, budgets.fiscalYearStartMonth - 1, 1)).toLocaleDateString(undefined, {
          month: 'long',
          timeZone: 'UTC',
        })}
        . An order beyond a buyer’s remaining budget also needs the company’s admins.
      </p>
      {budgets.budgets.length === 0 ? (
        <p>No budgets: buyers’ orders are limited only by the approval rules.</p>
      ) : (
        <div class="table-scroll">
          <table class="list">
            <caption class="visually-hidden">Spending limits by buyer and period</caption>
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">Period</th>
                <th scope="col" class="number">
                  Limit
                </th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {budgets.budgets.map((b, i) => (
                <tr key={`${b.buyerEmail ?? '*'}-${b.period}`}>
                  <td>{nameOf(b.buyerEmail)}</td>
                  <td data-label="Period">{periodNames[b.period]}</td>
                  <td class="number" data-label="Limit">
                    {money(b.amount, company.currency)}
                  </td>
                  <td>
                    <button
                      type="button"
                      class="secondary-action"
                      onClick={() => save(() => budgets.budgets.filter((_, j) => j !== i))}
                    >
                      Remove{' '}
                      <span class="visually-hidden">
                        the {periodNames[b.period].toLowerCase()} budget of {nameOf(b.buyerEmail)}
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {budgets.standing && budgets.standing.length > 0 && (
        <div class="table-scroll">
          <table class="list">
            <caption>Left this period</caption>
            <thead>
              <tr>
                <th scope="col">Buyer</th>
                <th scope="col">Period</th>
                <th scope="col" class="number">
                  Limit
                </th>
                <th scope="col" class="number">
                  Spent
                </th>
                <th scope="col" class="number">
                  Left
                </th>
              </tr>
            </thead>
            <tbody>
              {budgets.standing.map((s) => (
                <tr key={`${s.buyerEmail}-${s.period}`}>
                  <td>{nameOf(s.buyerEmail)}</td>
                  <td data-label="Period">{periodText(s.period, s.start)}</td>
                  <td class="number" data-label="Limit">
                    {money(s.amount, company.currency)}
                  </td>
                  <td class="number" data-label="Spent">
                    {money(s.spent, company.currency)}
                  </td>
                  <td class="number" data-label="Left">
                    {money(s.remaining, company.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        aria-labelledby="add-budget-heading"
        onSubmit={async (event) => {
          event.preventDefault();
          const set = await save(() => {
            const units = minorUnitsOf(amount, company.currency);
            if (units === undefined) throw new Unsendable(`Type the limit in ${company.currency}, like 3000.00.`);
            const buyerEmail = who || undefined;
            // One budget per buyer and period: setting it again replaces it.
            const others = budgets.budgets.filter((b) => !(b.buyerEmail === buyerEmail && b.period === period));
            return [...others, { ...(buyerEmail && { buyerEmail }), period, amount: units }];
          });
          if (set) setAmount('');
        }}
      >
        <h3 id="add-budget-heading">Set a budget</h3>
        <div class="fields">
          <label>
            For
            <select value={who} onChange={(e) => setWho(e.currentTarget.value)}>
              <option value="">Every buyer (each their own limit)</option>
              {buyers.map((u) => (
                <option key={u.email} value={u.email}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Period
            <select value={period} onChange={(e) => setPeriod(e.currentTarget.value as Period)}>
              <option value="month">Monthly</option>
              <option value="quarter">Quarterly</option>
            </select>
          </label>
          <label>
            Limit ({company.currency})
            <input inputMode="decimal" value={amount} required onInput={(e) => setAmount(e.currentTarget.value)} />
          </label>
        </div>
        <div class="actions">
          <button type="submit">Set the budget</button>
        </div>
      </form>
      <AnswerLine answer={answer} />
    </section>
  );
};
