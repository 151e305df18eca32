import { useEffect, useState } from 'preact/hooks';
import { conditionText } from '#domain/condition-text.ts';
import { problemText, type Schemas } from '../api/client.ts';
import { useSignedIn } from '../signed-in.ts';
import { useLoad } from '../ui/load.ts';
import { money } from '../ui/money.ts';
import { minorUnitsOf } from '../ui/money-input.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import { Budgets } from './budgets.tsx';
import './company.css';
import { AnswerLine, type FormAnswer, noAnswer } from '../ui/form-answer.tsx';

type Company = Schemas['Company'];
type User = Company['users'][number];
type CompanyRole = User['roles'][number];
type Rule = Schemas['ApprovalRules']['rules'][number];
type Preview = Schemas['ApprovalChainPreview'];

const roleNames: Record<CompanyRole, string> = { buyer: 'Buyer', approver: 'Approver', admin: 'Admin' };
const companyRoles = Object.keys(roleNames) as CompanyRole[];

const RoleBoxes = (props: { who: string; roles: CompanyRole[]; onChange: (roles: CompanyRole[]) => void }) => (
  <fieldset class="roles">
    <legend class="visually-hidden">Roles of {props.who}</legend>
    {companyRoles.map((role) => (
      <label class="inline" key={role}>
        <input
          type="checkbox"
          checked={props.roles.includes(role)}
          onChange={(e) =>
            props.onChange(e.currentTarget.checked ? [...props.roles, role] : props.roles.filter((r) => r !== role))
          }
        />
        {roleNames[role]}
      </label>
    ))}
  </fieldset>
);

/** Users and roles, edited in place and saved as one list: the API checks what the list may not break. */
/** A refused list, each fault named by the person it concerns rather than by its field path (`users.5.email`). */
const peopleProblemText = (problem: Parameters<typeof problemText>[0], users: readonly User[]): string => {
  const byPerson = (problem?.errors ?? []).map((e) => {
    const row = /^users\.(\d+)\./.exec(e.path)?.[1];
    const user = row === undefined ? undefined : users[Number(row)];
    return user ? `${user.name} (${user.email}): ${e.message}` : e.message;
  });
  if (!problem?.detail || byPerson.length === 0) return problemText(problem, 'The users could not be saved.');
  return `${problem.detail}. ${byPerson.join('; ')}.`;
};

const Users = (props: { company: Company; onSaved: (company: Company) => void }) => {
  const { api } = useSignedIn();
  const [users, setUsers] = useState<User[]>(props.company.users);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<CompanyRole[]>(['approver']);
  const [answer, setAnswer] = useState<FormAnswer>(noAnswer);
  useEffect(() => setUsers(props.company.users), [props.company]);

  const save = async (next: User[]) => {
    const { data, error } = await api.PUT('/companies/{companyId}/users', {
      params: { path: { companyId: props.company.companyId } },
      body: { users: next },
    });
    if (!data) {
      setAnswer({ ok: false, text: peopleProblemText(error, next) });
      return false;
    }
    setAnswer({ ok: true, text: `Saved ${data.users.length.toLocaleString()} people.` });
    props.onSaved({ ...props.company, users: data.users });
    return true;
  };

  return (
    <section class="panel" aria-labelledby="users-heading">
      <h2 id="users-heading">People and roles</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save(users);
        }}
      >
        <div class="table-scroll">
          <table class="list">
            <caption class="visually-hidden">The company’s people and their roles</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Roles</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user, i) => (
                <tr key={user.email}>
                  <td>
                    {user.name}
                    <div class="secondary">{user.email}</div>
                  </td>
                  <td data-label="Roles">
                    <RoleBoxes
                      who={user.name}
                      roles={user.roles}
                      onChange={(next) => setUsers(users.map((u, j) => (j === i ? { ...u, roles: next } : u)))}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      class="secondary-action"
                      onClick={() => setUsers(users.filter((_, j) => j !== i))}
                    >
                      Remove <span class="visually-hidden">{user.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div class="actions">
          <button type="submit">Save people and roles</button>
        </div>
      </form>
      <form
        class="add-person"
        aria-labelledby="add-person-heading"
        onSubmit={async (event) => {
          event.preventDefault();
          if (await save([...users, { name: name.trim(), email: email.trim(), roles }])) {
            setName('');
            setEmail('');
          }
        }}
      >
        <h3 id="add-person-heading">Add a person</h3>
        <div class="fields">
          <label>
            Name
            <input value={name} required maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <label>
            Email
            <input type="email" value={email} required onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          <RoleBoxes who="the new person" roles={roles} onChange={setRoles} />
        </div>
        <div class="actions">
          <button type="submit">Add the person</button>
        </div>
      </form>
      <AnswerLine answer={answer} />
    </section>
  );
};

/** People by name, as the company's record names them; someone it no longer lists by their email. */
const namesOf = (company: Company, emails: readonly string[]): string =>
  emails.map((email) => company.users.find((u) => u.email === email)?.name ?? email).join(', ');

const fieldChoices = [
  ['total', 'Order total is'],
  ['maxLineTotal', 'Largest line total is'],
  ['lineCount', 'Number of lines is'],
  ['category', 'A line’s category is'],
  ['sku', 'A line’s SKU is'],
] as const;
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
const Rules = (props: { company: Company; rules: Rule[]; onSaved: () => void }) => {
  const { api } = useSignedIn();
  const { company } = props;
  const [name, setName] = useState('');
  const [field, setField] = useState<Field>('total');
  const [op, setOp] = useState<'gt' | 'gte' | 'lt' | 'lte' | 'eq'>('gt');
  const [value, setValue] = useState('');
  const [approvers, setApprovers] = useState<string[]>([]);
  const [mode, setMode] = useState<'any' | 'all'>('any');
  const [answer, setAnswer] = useState<FormAnswer>(noAnswer);
  const deciders = company.users.filter((u) => u.roles.includes('approver') || u.roles.includes('admin'));

  const save = async (rules: Rule[]) => {
    const { data, error } = await api.PUT('/companies/{companyId}/approval-rules', {
      params: { path: { companyId: company.companyId } },
      body: { rules },
    });
    if (!data) {
      setAnswer({ ok: false, text: problemText(error, 'The rules could not be saved.') });
      return false;
    }
    setAnswer({ ok: true, text: `Saved ${data.rules.length.toLocaleString()} rules.` });
    props.onSaved();
    return true;
  };

  const add = async () => {
    const when = conditionOf(field, op, value, company.currency);
    if (!when) {
      setAnswer({ ok: false, text: `“${value}” is not a value for this condition.` });
      return;
    }
    const ruleId = `${
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40) || 'rule'
    }-${Date.now().toString(36)}`;
    if (await save([...props.rules, { ruleId, name: name.trim(), when, levels: [{ approvers, mode }] }])) {
      setName('');
      setValue('');
      setApprovers([]);
    }
  };

  return (
    <section class="panel" aria-labelledby="rules-heading">
      <h2 id="rules-heading">Approval rules</h2>
      {props.rules.length === 0 ? (
        <p>No rules: every order is approved at once.</p>
      ) : (
        <ul class="rules">
          {props.rules.map((rule) => (
            <li key={rule.ruleId}>
              <strong>{rule.name}</strong>: when {conditionText(rule.when, company.currency)}
              <ol>
                {rule.levels.map((level, i) => (
                  <li key={i}>
                    {level.mode === 'any' ? 'any one of' : 'every one of'} {namesOf(company, level.approvers)}
                  </li>
                ))}
              </ol>
              <button
                type="button"
                class="secondary-action"
                onClick={() => save(props.rules.filter((r) => r.ruleId !== rule.ruleId))}
              >
                Remove the rule <span class="visually-hidden">{rule.name}</span>
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
        <h3 id="add-rule-heading">Add a rule</h3>
        <div class="fields">
          <label>
            Rule name
            <input value={name} required maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <label>
            When
            <select value={field} onChange={(e) => setField(e.currentTarget.value as Field)}>
              {fieldChoices.map(([f, label]) => (
                <option key={f} value={f}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {field !== 'category' && field !== 'sku' && (
            <label>
              Comparison
              <select value={op} onChange={(e) => setOp(e.currentTarget.value as typeof op)}>
                <option value="gt">over</option>
                <option value="gte">at least</option>
                <option value="lt">under</option>
                <option value="lte">at most</option>
                <option value="eq">exactly</option>
              </select>
            </label>
          )}
          <label>
            Value{field === 'total' || field === 'maxLineTotal' ? ` (${company.currency})` : ''}
            <input value={value} required onInput={(e) => setValue(e.currentTarget.value)} />
          </label>
        </div>
        <fieldset class="approvers">
          <legend>Approved by</legend>
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
          Who decides
          <select value={mode} onChange={(e) => setMode(e.currentTarget.value as 'any' | 'all')}>
            <option value="any">Any one of them</option>
            <option value="all">Every one of them</option>
          </select>
        </label>
        <div class="actions">
          <button type="submit">Add the rule</button>
        </div>
      </form>
      <AnswerLine answer={answer} />
    </section>
  );
};

/** "Which levels would a 2,500.00 order need?" — answered by the API from the saved rules, as the workflow would. */
const ChainPreview = (props: { company: Company }) => {
  const { api } = useSignedIn();
  const { company } = props;
  const [typed, setTyped] = useState('2500.00');
  const [preview, setPreview] = useState<Preview | undefined>();
  const [error, setError] = useState('');
  const ask = async () => {
    const total = minorUnitsOf(typed, company.currency);
    if (total === undefined) {
      setError(`Type an amount in ${company.currency}, like 2500.00.`);
      return;
    }
    setError('');
    const { data, error: problem } = await api.GET('/companies/{companyId}/approval-chain', {
      params: { path: { companyId: company.companyId }, query: { total } },
    });
    if (!data) setError(problemText(problem, 'The preview could not be made.'));
    else setPreview(data);
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
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
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

/**
 * One company's settings — its people and their roles, its approval rules, a preview of the chain they make, and its
 * budgets — for the company's own admin or the seller's admin; the API's policy answers each call.
 */
export const CompanySettings = (props: { companyId: string }) => {
  const { api } = useSignedIn();
  const { companyId } = props;
  const [loaded, reload] = useLoad(async () => {
    const path = { params: { path: { companyId } } };
    const [company, rules, budgets] = await Promise.all([
      api.GET('/companies/{companyId}', path),
      api.GET('/companies/{companyId}/approval-rules', path),
      api.GET('/companies/{companyId}/budgets', path),
    ]);
    if (!company.data) throw new Error(problemText(company.error, 'The company could not be loaded.'));
    if (!rules.data) throw new Error(problemText(rules.error, 'The approval rules could not be loaded.'));
    if (!budgets.data) throw new Error(problemText(budgets.error, 'The budgets could not be loaded.'));
    return { company: company.data, rules: rules.data.rules, budgets: budgets.data };
  }, [companyId]);
  return (
    <Show loaded={loaded}>
      {({ company, rules, budgets }) => (
        <>
          <Users company={company} onSaved={reload} />
          <Rules company={company} rules={rules} onSaved={reload} />
          <ChainPreview company={company} />
          <Budgets company={company} budgets={budgets} onSaved={reload} />
        </>
      )}
    </Show>
  );
};

/** The company's own admin: their company's settings. */
export const CompanySettingsPage = () => {
  const { person } = useSignedIn();
  return (
    <>
      <PageTitle>Company settings</PageTitle>
      <CompanySettings companyId={person.companyId ?? ''} />
    </>
  );
};
