import { useState } from 'preact/hooks';
import { conditionText } from '#domain/condition-text.ts';
import type { Schemas } from '../api/client.ts';
import type { AppMessage } from '../i18n/en.ts';
import { t } from '../i18n/language.ts';
import { useSignedIn } from '../signed-in.ts';
import { Unsendable, useAction } from '../ui/action.ts';
import { AnswerLine, type FormAnswer, staleSave, useReload } from '../ui/form-answer.tsx';
import { minorUnitsOf } from '../ui/money-input.ts';

type Company = Schemas['Company'];
type Rule = Schemas['ApprovalRules']['rules'][number];

/** People by name, as the company's record names them; someone it no longer lists by their email. */
export const namesOf = (company: Company, emails: readonly string[]): string =>
  emails.map((email) => company.users.find((u) => u.email === email)?.name ?? email).join(', ');

const fieldChoices = [
  ['total', 'rules.field.total'],
  ['maxLineTotal', 'rules.field.maxLineTotal'],
  ['lineCount', 'rules.field.lineCount'],
  ['category', 'rules.field.category'],
  ['sku', 'rules.field.sku'],
] as const satisfies readonly (readonly [string, AppMessage])[];
type Field = (typeof fieldChoices)[number][0];

/** The condition the add-a-rule form describes; undefined when its value cannot be read. */
const conditionOf = (field: Field, op: 'gt' | 'gte' | 'lt' | 'lte' | 'eq', value: string, currency: string) => {
  if (field === 'category' || field === 'sku')
    return value.trim() ? { field, op: 'eq' as const, value: value.trim() } : undefined;
  const amount =
    field === 'lineCount' ? (/^\d+$/.test(value.trim()) ? Number(value) : undefined) : minorUnitsOf(value, currency);
  return amount === undefined ? undefined : { field, op, value: amount };
};

/** The rules as they read, each removable, and a form that adds a one-level rule; saved whole, checked by the API. */
export const Rules = (props: {
  company: Company;
  rules: Rule[];
  revision: { current: string | undefined };
  onSaved: () => void;
  /** Loads the company and its rules again: what somebody else saved since the page read them. */
  onReload: () => void;
}) => {
  const { api } = useSignedIn();
  const { company } = props;
  const [name, setName] = useState('');
  const [field, setField] = useState<Field>('total');
  const [op, setOp] = useState<'gt' | 'gte' | 'lt' | 'lte' | 'eq'>('gt');
  const [value, setValue] = useState('');
  const [approvers, setApprovers] = useState<string[]>([]);
  const [mode, setMode] = useState<'any' | 'all'>('any');
  const [notice, setNotice] = useState('');
  const deciders = company.users.filter((u) => u.roles.includes('approver') || u.roles.includes('admin'));

  const saving = useAction(
    // The rules to save come from a function run inside the action, so a rule that cannot be read is said as its refusal.
    async (next: () => Rule[]) => {
      const answer = await api.PUT('/companies/{companyId}/approval-rules', {
        params: {
          path: { companyId: company.companyId },
          ...(props.revision.current && { header: { 'If-Match': props.revision.current } }),
        },
        body: { rules: next() },
      });
      if (answer.response.ok) props.revision.current = answer.response.headers.get('etag') ?? undefined;
      return answer;
    },
    t('rules.saveFailed'),
  );
  const save = async (next: () => Rule[]) => {
    setNotice('');
    const saved = await saving.run(next);
    if (!saved) return false;
    setNotice(t('rules.saved', { count: saved.data.rules.length }));
    props.onSaved();
    return true;
  };
  const reloadLatest = useReload(props.rules, props.onReload, () => setNotice(t('rules.reloaded')));
  const answer: FormAnswer = saving.error
    ? {
        ok: false,
        text: saving.error,
        ...staleSave(saving, reloadLatest),
      }
    : { ok: true, text: notice };

  const add = async () => {
    const added = await save(() => {
      const when = conditionOf(field, op, value, company.currency);
      if (!when) throw new Unsendable(t('rules.badValue', { value }));
      const ruleId = `${
        name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .slice(0, 40) || 'rule'
      }-${Date.now().toString(36)}`;
      return [...props.rules, { ruleId, name: name.trim(), when, levels: [{ approvers, mode }] }];
    });
    if (added) {
      setName('');
      setValue('');
      setApprovers([]);
    }
  };

  return (
    <section class="panel" aria-labelledby="rules-heading">
      <h2 id="rules-heading">{t('rules.heading')}</h2>
      {props.rules.length === 0 ? (
        <p>{t('rules.none')}</p>
      ) : (
        <ul class="rules">
          {props.rules.map((rule) => (
            <li key={rule.ruleId}>
              <strong>{rule.name}</strong>: {t('rules.when', { condition: conditionText(rule.when, company.currency) })}
              <ol>
                {rule.levels.map((level, i) => (
                  <li key={i}>
                    {t(level.mode === 'any' ? 'rules.anyOne' : 'rules.everyOne', {
                      who: namesOf(company, level.approvers),
                    })}
                  </li>
                ))}
              </ol>
              <button
                type="button"
                class="secondary-action"
                onClick={() => save(() => props.rules.filter((r) => r.ruleId !== rule.ruleId))}
              >
                {t('rules.remove')} <span class="visually-hidden">{rule.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        aria-labelledby="add-rule-heading"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <h3 id="add-rule-heading">{t('rules.add')}</h3>
        <div class="fields">
          <label>
            {t('rules.name')}
            <input value={name} required maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <label>
            {t('rules.whenLabel')}
            <select value={field} onChange={(e) => setField(e.currentTarget.value as Field)}>
              {fieldChoices.map(([f, label]) => (
                <option key={f} value={f}>
                  {t(label)}
                </option>
              ))}
            </select>
          </label>
          {field !== 'category' && field !== 'sku' && (
            <label>
              {t('rules.comparison')}
              <select value={op} onChange={(e) => setOp(e.currentTarget.value as typeof op)}>
                <option value="gt">{t('rules.op.gt')}</option>
                <option value="gte">{t('rules.op.gte')}</option>
                <option value="lt">{t('rules.op.lt')}</option>
                <option value="lte">{t('rules.op.lte')}</option>
                <option value="eq">{t('rules.op.eq')}</option>
              </select>
            </label>
          )}
          <label>
            {field === 'total' || field === 'maxLineTotal'
              ? t('rules.valueIn', { currency: company.currency })
              : t('rules.value')}
            <input value={value} required onInput={(e) => setValue(e.currentTarget.value)} />
          </label>
        </div>
        <fieldset class="approvers">
          <legend>{t('rules.approvedBy')}</legend>
          {deciders.map((u) => (
            <label class="inline" key={u.email}>
              <input
                type="checkbox"
                checked={approvers.includes(u.email)}
                onChange={(e) =>
                  setApprovers(
                    e.currentTarget.checked ? [...approvers, u.email] : approvers.filter((a) => a !== u.email),
                  )
                }
              />
              {u.name} <span class="secondary">{u.email}</span>
            </label>
          ))}
        </fieldset>
        <label>
          {t('rules.whoDecides')}
          <select value={mode} onChange={(e) => setMode(e.currentTarget.value as 'any' | 'all')}>
            <option value="any">{t('rules.anyOfThem')}</option>
            <option value="all">{t('rules.everyOfThem')}</option>
          </select>
        </label>
        <div class="actions">
          <button type="submit">{t('rules.addButton')}</button>
        </div>
      </form>
      <AnswerLine answer={answer} />
    </section>
  );
};
