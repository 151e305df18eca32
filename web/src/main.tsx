import { render } from 'preact';
import { createApi } from './api/client.ts';
import { App, NoAccess, SignedOut } from './app.tsx';
import { createSession, personOf, type Session } from './auth/session.ts';
import { loadConfig } from './config.ts';
import { appPath, hrefOf, navigate } from './router.tsx';
import { SignedInContext } from './signed-in.ts';
import './styles.css';

const root = document.getElementById('app')!;
const returnTo = () => window.location.pathname + window.location.search;

/** Who may use the buyer app: a person of a buyer company (a buyer, or an approver who follows the company's RFQs). */
const isCompanyPerson = (groups: string[], companyId: string | undefined) =>
  companyId !== undefined && groups.some((g) => g === 'buyer' || g === 'approver' || g === 'admin');

const show = async (session: Session, message?: string) => {
  const user = await session.current();
  if (!user) {
    render(<SignedOut onSignIn={() => session.signIn(returnTo())} {...(message && { message })} />, root);
    return;
  }
  const person = personOf(user);
  if (!isCompanyPerson(person.groups, person.companyId)) {
    render(<NoAccess email={person.email} onSignOut={() => session.signOut()} />, root);
    return;
  }
  render(
    <SignedInContext.Provider value={{ api: createApi(session), person, session }}>
      <App />
    </SignedInContext.Provider>,
    root,
  );
};

const start = async () => {
  const session = createSession(await loadConfig());
  session.onChange((user) => {
    if (!user) show(session, 'Your session ended. Sign in again to go on.');
  });
  if (appPath() === 'callback') {
    try {
      navigate(await session.finishSignIn(), { replace: true });
    } catch {
      navigate(hrefOf(''), { replace: true });
    }
  }
  await show(session);
};

start().catch((error: unknown) => {
  render(
    <main class="centered">
      <h1>The app could not start</h1>
      <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
    </main>,
    root,
  );
});
