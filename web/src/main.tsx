import { render } from 'preact';
import type { Brand } from '#domain/brand.ts';
import { createApi, problemText } from './api/client.ts';
import { App, NoAccess, SignedOut } from './app.tsx';
import { createSession, personOf, type Session } from './auth/session.ts';
import { applyBrand } from './brand.tsx';
import { loadConfig } from './config.ts';
import { appPath, hrefOf, navigate } from './router.tsx';
import { sectionLinks } from './routes.tsx';
import { SignedInContext } from './signed-in.ts';
import './styles.css';
import './tables.css';
import './screens.css';

const root = document.getElementById('app')!;
const returnTo = () => window.location.pathname + window.location.search;

const show = async (session: Session, brand: Brand, message?: string) => {
  const user = await session.current();
  if (!user) {
    render(<SignedOut brand={brand} onSignIn={() => session.signIn(returnTo())} {...(message && { message })} />, root);
    return;
  }
  const person = personOf(user);
  const api = createApi(session);
  // What this person may open is the API's answer (its access policy), asked once per sign-in.
  const { data: me, error, response } = await api.GET('/me');
  if (response.status === 403 || me?.sections.length === 0) {
    render(<NoAccess email={person.email} onSignOut={() => session.signOut()} />, root);
    return;
  }
  if (!me) throw new Error(problemText(error, 'Your account could not be read. Reload the page.'));
  // Opening the app itself is arriving at your start page (an approver's is what waits for them); the catalog, at the
  // same address, stays one click away in the menu.
  const start = me.sections[0] && sectionLinks[me.sections[0]].to;
  if (start && appPath() === '' && !window.location.search) navigate(start, { replace: true });
  render(
    <SignedInContext.Provider value={{ api, person, me, session }}>
      <App brand={brand} />
    </SignedInContext.Provider>,
    root,
  );
};

const start = async () => {
  const config = await loadConfig();
  applyBrand(config.brand);
  const session = createSession(config);
  session.onChange((user) => {
    if (!user) show(session, config.brand, 'Your session ended. Sign in again to go on.');
  });
  if (appPath() === 'callback') {
    try {
      navigate(await session.finishSignIn(), { replace: true });
    } catch {
      navigate(hrefOf(''), { replace: true });
    }
  }
  await show(session, config.brand);
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
