import { useEffect, useState } from 'preact/hooks';
import type { Problem, Schemas } from '../api/client.ts';
import { useSignedIn } from '../signed-in.ts';
import { useAction } from '../ui/action.ts';
import { AnswerLine, type FormAnswer, staleSave, useReload } from '../ui/form-answer.tsx';

type Company = Schemas['Company'];
type User = Company['users'][number];
type CompanyRole = User['roles'][number];

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

/** A refused list, each fault named by the person it concerns rather than by its field path (`users.5.email`). */
const peopleProblemText = (problem: Partial<Problem> | undefined, sentence: string, users: readonly User[]): string => {
  const byPerson = (problem?.errors ?? []).map((e) => {
    const row = /^users\.(\d+)\./.exec(e.path)?.[1];
    const user = row === undefined ? undefined : users[Number(row)];
    return user ? `${user.name} (${user.email}): ${e.message}` : e.message;
  });
  if (!problem?.detail || byPerson.length === 0) return sentence;
  return `${problem.detail}. ${byPerson.join('; ')}.`;
};

/** Users and roles, edited in place and saved as one list: the API checks what the list may not break. */
export const Users = (props: {
  company: Company;
  revision: { current: string | undefined };
  onSaved: (company: Company) => void;
  /** Loads the company again: what somebody else saved since the page read it. */
  onReload: () => void;
}) => {
  const { api } = useSignedIn();
  const [users, setUsers] = useState<User[]>(props.company.users);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<CompanyRole[]>(['approver']);
  const [notice, setNotice] = useState('');
  // The list last sent, so a refusal names the people it concerns.
  const [tried, setTried] = useState<User[]>([]);
  useEffect(() => setUsers(props.company.users), [props.company]);
  // Who has never signed in: only they are offered the invitation again (the API knows; the pool refuses the rest).
  const [invited, setInvited] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    let current = true;
    api
      .GET('/companies/{companyId}/invitations', { params: { path: { companyId: props.company.companyId } } })
      .then((answer) => {
        if (current && answer.data) setInvited(new Set(answer.data.open.map((email) => email.toLowerCase())));
      });
    return () => {
      current = false;
    };
  }, [api, props.company]);

  const saving = useAction(async (next: User[]) => {
    const answer = await api.PUT('/companies/{companyId}/users', {
      params: {
        path: { companyId: props.company.companyId },
        ...(props.revision.current && { header: { 'If-Match': props.revision.current } }),
      },
      body: { users: next },
    });
    if (answer.response.ok) props.revision.current = answer.response.headers.get('etag') ?? undefined;
    return answer;
  }, 'The users could not be saved.');
  const save = async (next: User[]) => {
    inviting.clear();
    const saved = await saving.run(next);
    setTried(next);
    if (!saved) return false;
    setNotice(`Saved ${saved.data.users.length.toLocaleString()} people.`);
    props.onSaved({ ...props.company, users: saved.data.users });
    return true;
  };
  // An invitation that expired unused (three days) or was lost: a new one, with a new temporary password.
  const inviting = useAction(
    (user: User) =>
      api.POST('/companies/{companyId}/users/{email}/invitation', {
        params: { path: { companyId: props.company.companyId, email: user.email } },
      }),
    'The invitation could not be sent.',
  );
  const invite = async (user: User) => {
    saving.clear();
    if (await inviting.run(user)) setNotice(`Sent ${user.name} (${user.email}) a new invitation.`);
  };
  const reloadLatest = useReload(props.company, props.onReload, () =>
    setNotice('Loaded the latest people and roles: make your change again.'),
  );
  const failed = saving.error || inviting.error;
  const answer: FormAnswer = failed
    ? saving.error
      ? {
          ok: false,
          text: peopleProblemText(saving.problem, saving.error, tried),
          ...staleSave(saving, reloadLatest),
        }
      : { ok: false, text: inviting.error }
    : { ok: true, text: notice };

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
                    {invited.has(user.email.toLowerCase()) && <div class="secondary">Invited, not signed in yet</div>}
                  </td>
                  <td data-label="Roles">
                    <RoleBoxes
                      who={user.name}
                      roles={user.roles}
                      onChange={(next) => setUsers(users.map((u, j) => (j === i ? { ...u, roles: next } : u)))}
                    />
                  </td>
                  <td class="person-actions">
                    {invited.has(user.email.toLowerCase()) && (
                      <button type="button" class="secondary-action" onClick={() => invite(user)}>
                        Send the invitation again <span class="visually-hidden">to {user.name}</span>
                      </button>
                    )}
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
