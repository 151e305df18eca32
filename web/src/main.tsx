import { render } from 'preact';
import type { Brand } from '#domain/brand.ts';
import { createApi, problemText } from './api/client.ts';
import { App, NoAccess, SignedOut } from './app.tsx';
import { createSession, personOf, type Session } from './auth/session.ts';
import { applyBrand } from './brand.tsx';
import { loadConfig } from './config.ts';
import { appLocale, onLanguageSwitched, preferredLocale, readIn, t } from './i18n/language.ts';
import { appPath, hrefOf, navigate } from './router.tsx';
import { sectionLinks } from './routes.tsx';
import { SignedInContext } from './signed-in.ts';
import './styles.css';
import './tables.css';
import './screens.css';

const root = document.getElementById('app')!;
/** Draws what is on screen now; another language draws it again from the root, with the new words. */
let paint = () => {};
const draw = (screen: () => void) => {
  paint = screen;
  screen();
};
/** `<html lang>` names the language the words are in, for screen readers, hyphenation and translation tools. */
const declareLanguage = () => {
  document.documentElement.lang = appLocale();
};
onLanguageSwitched(() => {
  declareLanguage();
  render(null, root);
  paint();
});
const returnTo = () => window.location.pathname + window.location.search;

const show = async (session: Session, brand: Brand, message?: string) => {
  const user = await session.current();
  if (!user) {
    draw(() =>
      render(
        <SignedOut brand={brand} onSignIn={() => session.signIn(returnTo())} {...(message && { message })} />,
        root,
      ),
    );
    return;
  }
  const person = personOf(user);
  const api = createApi(session);
  // What this person may open is the API's answer (its access policy), asked once per sign-in.
  const { data: me, error, response } = await api.GET('/me');
  if (response.status === 403 || me?.sections.length === 0) {
    draw(() => render(<NoAccess email={person.email} onSignOut={() => session.signOut()} />, root));
    return;
  }
  if (!me) throw new Error(problemText(error, t('app.meFailed')));
  // Opening the app itself is arriving at your start page (an approver's is what waits for them); the catalog, at the
  // same address, stays one click away in the menu.
  const start = me.sections[0] && sectionLinks[me.sections[0]].to;
  if (start && appPath() === '' && !window.location.search) navigate(start, { replace: true });
  draw(() =>
    render(
      <SignedInContext.Provider value={{ api, person, me, session }}>
        <App brand={brand} />
      </SignedInContext.Provider>,
      root,
    ),
  );
};

const start = async () => {
  const [config] = await Promise.all([loadConfig(), readIn(preferredLocale())]);
  declareLanguage();
  applyBrand(config.brand);
  const session = createSession(config);
  session.onChange((user) => {
    if (!user) show(session, config.brand, t('app.sessionEnded'));
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

/** Said in English when even the catalog of the person's language could not be fetched. */
const notStarted = () => {
  try {
    return t('app.notStarted');
  } catch {
    return 'The app could not start';
  }
};

start().catch((error: unknown) => {
  render(
    <main class="centered">
      <h1>{notStarted()}</h1>
      <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
    </main>,
    root,
  );
});
