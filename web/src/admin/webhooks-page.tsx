import { useState } from 'preact/hooks';
import { problemText } from '../api/client.ts';
import type { operations } from '../api/openapi.d.ts';
import { Link } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { useAction } from '../ui/action.ts';
import { ActionProblem } from '../ui/action-problem.tsx';
import { when } from '../ui/dates.ts';
import { useLoad } from '../ui/load.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import { ShowMore, usePaged } from '../ui/paged.tsx';
import './admin.css';

type Delivery = operations['listDeliveries']['responses'][200]['content']['application/json']['items'][number];
type Endpoint = operations['getWebhook']['responses'][200]['content']['application/json'];

/** What the seller's admin calls each state of a delivery. */
const stateWords: Record<Delivery['state'], string> = {
  pending: 'Sending',
  retrying: 'Retrying',
  delivered: 'Delivered',
  failed: 'Failed',
};

/** What the endpoint said last: its HTTP status, or why nothing came back (refused, timed out, not public). */
const lastAnswer = (delivery: Delivery): string =>
  delivery.lastStatus !== undefined ? `HTTP ${delivery.lastStatus}` : (delivery.lastError ?? '—');

/** One delivery of the log, with "Send again": the row then shows the delivery as the API answers it after. */
const DeliveryRow = (props: { integrationId: string; delivery: Delivery; onSent: (after: Delivery) => void }) => {
  const { api } = useSignedIn();
  const [delivery, setDelivery] = useState(props.delivery);
  const retry = useAction(
    () =>
      api.POST('/integrations/{integrationId}/deliveries/{deliveryId}/retry', {
        params: { path: { integrationId: props.integrationId, deliveryId: delivery.deliveryId } },
      }),
    'It was not sent again.',
  );
  return (
    <tr>
      <td>
        {delivery.eventType}
        <div class="secondary">{delivery.subject}</div>
        <div class="secondary">webhook-id {delivery.webhookId}</div>
      </td>
      <td data-label="Occurred">{when(delivery.occurredAt)}</td>
      <td data-label="State">
        <span class={`badge badge-delivery-${delivery.state}`}>{stateWords[delivery.state]}</span>
      </td>
      <td class="number" data-label="Attempts">
        {delivery.attempts.toLocaleString()}
      </td>
      <td data-label="Last answer">
        {lastAnswer(delivery)}
        {delivery.lastAttemptAt && <div class="secondary">{when(delivery.lastAttemptAt)}</div>}
      </td>
      <td data-label="Next attempt">{delivery.nextAttemptAt ? when(delivery.nextAttemptAt) : '—'}</td>
      <td>
        <button
          type="button"
          class="secondary-action send-again"
          disabled={retry.busy}
          onClick={async () => {
            const done = await retry.run();
            if (!done) return;
            setDelivery(done.data);
            props.onSent(done.data);
          }}
        >
          {retry.busy ? 'Sending…' : 'Send again'} <span class="visually-hidden">{delivery.webhookId}</span>
        </button>
        <ActionProblem action={retry} />
      </td>
    </tr>
  );
};

/**
 * Where the webhooks go: the URL, set or changed here; a new endpoint's signing secret is shown this once. The page
 * keeps the secret: the panel is drawn afresh when the saved endpoint comes back, which would lose it.
 */
const EndpointPanel = (props: {
  integrationId: string;
  endpoint: Endpoint | undefined;
  secret: string | undefined;
  onSaved: (secret: string | undefined) => void;
}) => {
  const { api } = useSignedIn();
  const [url, setUrl] = useState(props.endpoint?.url ?? '');
  const { secret } = props;
  const save = useAction(
    () =>
      api.PUT('/integrations/{integrationId}/webhook', {
        params: { path: { integrationId: props.integrationId } },
        body: { url: url.trim() },
      }),
    'The webhook URL was not saved.',
  );
  const { endpoint } = props;
  return (
    <section class="panel" aria-labelledby="endpoint">
      <h2 id="endpoint">Endpoint</h2>
      {endpoint ? (
        <dl class="facts">
          <dt>URL</dt>
          <dd>
            <code>{endpoint.url}</code>
          </dd>
          <dt>Status</dt>
          <dd>
            {endpoint.enabled ? (
              'Enabled: every event is sent, signed (Standard Webhooks).'
            ) : (
              <span class="error">
                Disabled{endpoint.disabledAt && ` since ${when(endpoint.disabledAt)}`}
                {endpoint.disabledBecause && `: ${endpoint.disabledBecause}`}. Save the URL again to enable it.
              </span>
            )}
          </dd>
        </dl>
      ) : (
        <p>No webhook yet: this integration reads events only from the feed.</p>
      )}
      {secret && (
        <p class="secret-once">
          <strong>Signing secret — copy it now, it is not shown again:</strong> <code>{secret}</code>
        </p>
      )}
      <form
        class="endpoint-url"
        onSubmit={async (event) => {
          event.preventDefault();
          const done = await save.run();
          if (!done) return;
          props.onSaved(done.data.secret);
        }}
      >
        <label>
          Webhook URL
          <input type="url" value={url} required maxLength={4096} onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={save.busy}>
          {endpoint ? 'Save the URL' : 'Start sending webhooks'}
        </button>
        <ActionProblem action={save} />
      </form>
    </section>
  );
};

/**
 * The seller admin's view of one integration's webhooks: where they go, and the delivery log newest first — each
 * event, its attempts, what the endpoint answered last and when the next attempt is due — with "Send again".
 */
export const WebhooksPage = (props: { integrationId: string }) => {
  const { api } = useSignedIn();
  const { integrationId } = props;
  const path = { params: { path: { integrationId } } };
  const [message, setMessage] = useState('');
  const [secret, setSecret] = useState<string | undefined>();
  const [about, reloadAbout] = useLoad(async () => {
    const [integrations, webhook] = await Promise.all([
      api.GET('/integrations'),
      api.GET('/integrations/{integrationId}/webhook', path),
    ]);
    if (!integrations.data) throw new Error(problemText(integrations.error, 'The integration could not be loaded.'));
    const integration = integrations.data.items.find((i) => i.integrationId === integrationId);
    if (!integration) throw new Error('There is no such integration: it may have been deleted.');
    if (!webhook.data && webhook.response.status !== 404)
      throw new Error(problemText(webhook.error, 'The webhook could not be loaded.'));
    return { name: integration.name, endpoint: webhook.data };
  }, [integrationId]);
  const deliveries = usePaged(
    async (cursor) => {
      const { data, error } = await api.GET('/integrations/{integrationId}/deliveries', {
        params: { path: { integrationId }, query: { limit: 25, ...(cursor && { cursor }) } },
      });
      if (!data) throw new Error(problemText(error, 'The delivery log could not be loaded.'));
      return data;
    },
    [integrationId],
  );
  const name = about.state === 'ready' ? about.value.name : integrationId;
  return (
    <>
      <PageTitle secondary={name}>Webhooks</PageTitle>
      <p>
        <Link to="admin/integrations">All integrations</Link>
      </p>
      <Show loaded={about}>
        {({ endpoint }) => (
          <EndpointPanel
            key={endpoint?.updatedAt ?? 'none'}
            integrationId={integrationId}
            endpoint={endpoint}
            secret={secret}
            onSaved={(saved) => {
              setSecret(saved);
              reloadAbout();
            }}
          />
        )}
      </Show>
      <section aria-labelledby="deliveries">
        <h2 id="deliveries">Delivery log</h2>
        <p class="notice" role="status">
          {message}
        </p>
        <Show loaded={deliveries.loaded}>
          {({ items }) =>
            items.length === 0 ? (
              <p>Nothing sent yet.</p>
            ) : (
              <>
                <div class="table-scroll">
                  <table class="list deliveries">
                    <caption class="visually-hidden">Webhook deliveries, newest first</caption>
                    <thead>
                      <tr>
                        <th scope="col">Event</th>
                        <th scope="col">Occurred</th>
                        <th scope="col">State</th>
                        <th scope="col" class="number">
                          Attempts
                        </th>
                        <th scope="col">Last answer</th>
                        <th scope="col">Next attempt</th>
                        <th scope="col">
                          <span class="visually-hidden">Actions</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((delivery) => (
                        <DeliveryRow
                          key={delivery.deliveryId}
                          integrationId={integrationId}
                          delivery={delivery}
                          onSent={(after) =>
                            setMessage(
                              `Sent ${after.eventType} (${after.webhookId}) again: ${stateWords[after.state].toLowerCase()}.`,
                            )
                          }
                        />
                      ))}
                    </tbody>
                  </table>
                </div>
                <ShowMore paged={deliveries} label="Show older deliveries" />
              </>
            )
          }
        </Show>
      </section>
    </>
  );
};
