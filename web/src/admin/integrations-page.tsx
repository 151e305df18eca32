import { useState } from 'preact/hooks';
import { problemText, type Schemas } from '../api/client.ts';
import { Link } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { useAction } from '../ui/action.ts';
import { ActionProblem } from '../ui/action-problem.tsx';
import { useLoad } from '../ui/load.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import './admin.css';

type Integration = Schemas['Integration'];
type Credentials = Schemas['IntegrationCredentials'];
type Scope = Integration['scopes'][number];

/** What each scope lets the ERP do, in the words the admin decides by. */
const scopeWords: Record<Scope, string> = {
  'orders.read': 'Read orders, their documents and the event feed',
  'orders.write': 'Report confirmations, shipments, invoices and cancellations',
  'catalog.write': 'Write products, contracts and companies',
};
const allScopes = Object.keys(scopeWords) as Scope[];

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** The secret, shown once after it was made: everything the ERP team needs to get a token, to copy now. */
const SecretShownOnce = (props: { made: Credentials; onDone: () => void }) => (
  <section class="panel secret" aria-labelledby="secret-title">
    <h2 id="secret-title">Credentials for {props.made.name}</h2>
    <p>
      <strong>Copy the secret now: it is not shown again.</strong> Give these to the ERP team; a new secret can be made
      with “Rotate secret”.
    </p>
    <dl class="credentials">
      <dt>Client id</dt>
      <dd>
        <code>{props.made.clientId}</code>
      </dd>
      <dt>Client secret</dt>
      <dd>
        <code>{props.made.clientSecret}</code>
      </dd>
      <dt>Token URL</dt>
      <dd>
        <code>{props.made.tokenUrl}</code>
      </dd>
      <dt>Scopes to ask for</dt>
      <dd>
        <code>{props.made.tokenScopes.join(' ')}</code>
      </dd>
    </dl>
    <button type="button" onClick={props.onDone}>
      I have copied it
    </button>
  </section>
);

/** A row's actions: a new secret, or deletion — each asked twice, since the ERP's tokens stop working at once. */
const RowActions = (props: {
  integration: Integration;
  onRotated: (made: Credentials) => void;
  onDeleted: () => void;
}) => {
  const { api } = useSignedIn();
  const [asking, setAsking] = useState<'rotate' | 'delete' | undefined>();
  const params = { path: { integrationId: props.integration.integrationId } };
  const rotate = useAction(
    () => api.POST('/integrations/{integrationId}/secret', { params }),
    'The secret was not rotated.',
  );
  const remove = useAction(() => api.DELETE('/integrations/{integrationId}', { params }), 'It was not deleted.');
  const name = props.integration.name;
  if (!asking)
    return (
      <div class="integration-actions">
        <Link
          to={`admin/integrations/${encodeURIComponent(props.integration.integrationId)}`}
          class="button secondary-action"
        >
          Webhooks <span class="visually-hidden">of {name}</span>
        </Link>
        <button type="button" class="secondary-action" onClick={() => setAsking('rotate')}>
          Rotate secret <span class="visually-hidden">of {name}</span>
        </button>
        <button type="button" class="secondary-action danger" onClick={() => setAsking('delete')}>
          Delete <span class="visually-hidden">{name}</span>
        </button>
      </div>
    );
  const action = asking === 'rotate' ? rotate : remove;
  return (
    <fieldset class="integration-actions">
      <legend>
        {asking === 'rotate'
          ? 'A new secret replaces the old one; the ERP’s current tokens stop working at once.'
          : 'Its tokens stop working at once.'}
      </legend>
      <button
        type="button"
        class={asking === 'delete' ? 'danger' : ''}
        disabled={action.busy}
        onClick={async () => {
          const done = await action.run();
          if (!done) return;
          setAsking(undefined);
          if (asking === 'rotate') props.onRotated(done.data as Credentials);
          else props.onDeleted();
        }}
      >
        {asking === 'rotate' ? `Yes, rotate the secret of ${name}` : `Yes, delete ${name}`}
      </button>
      <button type="button" class="secondary-action" onClick={() => setAsking(undefined)}>
        Keep it
      </button>
      <ActionProblem action={action} />
    </fieldset>
  );
};

/** A new integration: a name the admin will recognise, and the scopes it may use. */
const NewIntegration = (props: { onMade: (made: Credentials) => void }) => {
  const { api } = useSignedIn();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['orders.read']);
  const create = useAction(
    () => api.POST('/integrations', { body: { name: name.trim(), scopes } }),
    'The integration was not made.',
  );
  return (
    <form
      class="panel new-integration"
      aria-labelledby="new-integration"
      onSubmit={async (event) => {
        event.preventDefault();
        const done = await create.run();
        if (!done) return;
        setName('');
        props.onMade(done.data as Credentials);
      }}
    >
      <h2 id="new-integration">New integration</h2>
      <label>
        Name
        <input value={name} required maxLength={80} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>May</legend>
        {allScopes.map((scope) => (
          <label key={scope} class="choice">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(e) =>
                setScopes((now) =>
                  e.currentTarget.checked
                    ? allScopes.filter((s) => s === scope || now.includes(s))
                    : now.filter((s) => s !== scope),
                )
              }
            />
            {scopeWords[scope]} <span class="secondary">({scope})</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={create.busy}>
        Create integration
      </button>
      <ActionProblem action={create} />
    </form>
  );
};

/**
 * The seller admin's integration clients: the ERP and other machines that call the API with their own OAuth client
 * (client credentials). Made with a name and scopes, listed without their secrets, rotated or deleted.
 */
export const IntegrationsPage = () => {
  const { api } = useSignedIn();
  const [shown, setShown] = useState<Credentials | undefined>();
  const [message, setMessage] = useState('');
  const [list, reload] = useLoad(async () => {
    const { data, error } = await api.GET('/integrations');
    if (!data) throw new Error(problemText(error, 'The integrations could not be loaded.'));
    return data.items;
  }, []);
  const made = (credentials: Credentials) => {
    setMessage('');
    setShown(credentials);
    reload();
  };
  return (
    <>
      <PageTitle>Integrations</PageTitle>
      <p>
        Your ERP calls this API with a client of its own (OAuth 2.0 client credentials), allowed only what you tick.
      </p>
      <p class="notice" role="status">
        {message}
      </p>
      {shown && <SecretShownOnce made={shown} onDone={() => setShown(undefined)} />}
      <Show loaded={list}>
        {(items) =>
          items.length === 0 ? (
            <p>No integration yet.</p>
          ) : (
            <div class="table-scroll">
              <table class="list">
                <caption class="visually-hidden">Integrations by name</caption>
                <thead>
                  <tr>
                    <th scope="col">Integration</th>
                    <th scope="col">May</th>
                    <th scope="col">Secret made</th>
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((integration) => (
                    <tr key={integration.integrationId}>
                      <td>
                        {integration.name}
                        <div class="secondary">Client id {integration.clientId}</div>
                      </td>
                      <td data-label="May">{integration.scopes.join(', ')}</td>
                      <td data-label="Secret made">{day(integration.secretIssuedAt)}</td>
                      <td>
                        <RowActions
                          integration={integration}
                          onRotated={made}
                          onDeleted={() => {
                            setShown(undefined);
                            setMessage(`Deleted ${integration.name}: its tokens no longer work.`);
                            reload();
                          }}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Show>
      <NewIntegration onMade={made} />
    </>
  );
};
