import { useState } from 'preact/hooks';
import { problemText, type Schemas } from '../api/client.ts';
import { t } from '../i18n/language.ts';
import { useSignedIn } from '../signed-in.ts';
import { useAction } from '../ui/action.ts';
import { ActionProblem } from '../ui/action-problem.tsx';
import { when } from '../ui/dates.ts';
import { useLoad } from '../ui/load.ts';
import { Show } from '../ui/page.tsx';

type Delegation = Schemas['Delegation'];

/** A `datetime-local` value (the person's own clock) for an instant, and back to an ISO instant for the API. */
const localInput = (date: Date): string =>
  new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const instantOf = (local: string): string => (local ? new Date(local).toISOString() : '');

const Current = (props: { delegation: Delegation; onCleared: () => void }) => {
  const { api } = useSignedIn();
  const { delegation } = props;
  const clear = useAction(() => api.DELETE('/me/delegation'), t('ooo.clearFailed'));
  return (
    <>
      <p>
        {t('ooo.current', { from: when(delegation.from), to: when(delegation.to), delegate: delegation.delegateEmail })}
      </p>
      <ActionProblem action={clear} />
      <div class="actions">
        <button
          type="button"
          disabled={clear.busy}
          onClick={async () => {
            if (await clear.run()) props.onCleared();
          }}
        >
          {t('ooo.back')}
        </button>
      </div>
    </>
  );
};

const Form = (props: { onSaved: (delegation: Delegation) => void }) => {
  const { api } = useSignedIn();
  const now = new Date();
  const [delegateEmail, setDelegateEmail] = useState('');
  const [from, setFrom] = useState(localInput(now));
  const [to, setTo] = useState(localInput(new Date(now.getTime() + 7 * 86_400_000)));
  const save = useAction(
    () =>
      api.PUT('/me/delegation', {
        body: { delegateEmail: delegateEmail.trim(), from: instantOf(from), to: instantOf(to) },
      }),
    t('ooo.saveFailed'),
  );
  const fields = Object.fromEntries((save.problem?.errors ?? []).map((e) => [e.path, e.message]));
  // A reason the page shows beside its field is not said again in the API's words.
  const beside = ['delegateEmail', 'from', 'to'].some((name) => fields[name]);
  const errors = { detail: beside ? t('ooo.seeField') : save.error, fields };
  const field = (name: 'delegateEmail' | 'from' | 'to') => ({
    'aria-invalid': errors.fields[name] ? ('true' as const) : undefined,
    'aria-describedby': errors.fields[name] ? `ooo-${name}-error` : undefined,
  });
  const fieldError = (name: string) =>
    errors.fields[name] && (
      <small class="error" id={`ooo-${name}-error`}>
        {errors.fields[name]}
      </small>
    );

  return (
    <form
      class="out-of-office"
      onSubmit={async (event) => {
        event.preventDefault();
        const saved = await save.run();
        if (saved) props.onSaved(saved.data);
      }}
    >
      <p>{t('ooo.intro')}</p>
      <div class="fields">
        <label>
          {t('ooo.colleague')}
          <input
            type="email"
            required
            autocomplete="off"
            value={delegateEmail}
            onInput={(e) => setDelegateEmail(e.currentTarget.value)}
            {...field('delegateEmail')}
          />
          {fieldError('delegateEmail')}
        </label>
        <label>
          {t('ooo.from')}
          <input
            type="datetime-local"
            required
            value={from}
            onInput={(e) => setFrom(e.currentTarget.value)}
            {...field('from')}
          />
          {fieldError('from')}
        </label>
        <label>
          {t('ooo.until')}
          <input
            type="datetime-local"
            required
            value={to}
            onInput={(e) => setTo(e.currentTarget.value)}
            {...field('to')}
          />
          {fieldError('to')}
        </label>
      </div>
      {errors.detail && (
        <p class="error" role="alert">
          {errors.detail}
        </p>
      )}
      <div class="actions">
        <button type="submit" disabled={save.busy}>
          {t('ooo.save')}
        </button>
      </div>
    </form>
  );
};

/**
 * Out of office, on the approver's own page: whom their decisions also go to while they are away (GET, PUT, DELETE
 * /me/delegation). Everything it may say — who may be a delegate, which window — is the API's to decide.
 */
export const OutOfOffice = () => {
  const { api } = useSignedIn();
  const [message, setMessage] = useState('');
  const [loaded, reload] = useLoad(async () => {
    const { data, error, response } = await api.GET('/me/delegation');
    if (response.status === 404) return undefined;
    if (!data) throw new Error(problemText(error, t('ooo.loadFailed')));
    return data;
  }, []);
  return (
    <section class="panel" aria-labelledby="out-of-office">
      <h2 id="out-of-office">{t('ooo.heading')}</h2>
      {/* Announced like a status, without a second status role beside the approvals' own. */}
      <p class="notice approval-status" aria-live="polite">
        {message}
      </p>
      <Show loaded={loaded}>
        {(delegation) =>
          delegation ? (
            <Current
              delegation={delegation}
              onCleared={() => {
                setMessage(t('ooo.cleared'));
                reload();
              }}
            />
          ) : (
            <Form
              onSaved={(saved) => {
                setMessage(t('ooo.saved', { delegate: saved.delegateEmail, to: when(saved.to) }));
                reload();
              }}
            />
          )
        }
      </Show>
    </section>
  );
};
