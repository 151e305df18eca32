import { render } from 'preact';
import { createApi } from './api/client.ts';
import { App, NoAccess, SignedOut } from './app.tsx';
import { createSession, personOf, type Session } from './auth/session.ts';
import { workspaceOf } from './auth/workspace.ts';
import { loadConfig } from './config.ts';
import { appPath, hrefOf, navigate } from './router.tsx';
import { SignedInContext } from './signed-in.ts';
import './styles.css';
import { lazyPage } from './ui/lazy-page.tsx';

/** Staff screens come as their own download: a buyer's phone never fetches them. */
const StaffApp = lazyPage(() => import('./staff/staff-app.tsx').then((m) => m.StaffApp));

const root = document.getElementById('app')!;
const returnTo = () => window.location.pathname + window.location.search;

const show = async (session: Session, message?: string) => {
  const user = await session.current();
  if (!user) {
    render(<SignedOut onSignIn={() => session.signIn(returnTo())} {...(message && { message })} />, root);
    return;
  }
  const person = personOf(user);
  const workspace = workspaceOf(person);
  if (!workspace) {
    render(<NoAccess email={person.email} onSignOut={() => session.signOut()} />, root);
    return;
  }
  render(
    <SignedInContext.Provider value={{ api: createApi(session), person, session }}>
      {workspace === 'staff' ? <StaffApp /> : <App />}
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
