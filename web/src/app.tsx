import { useEffect } from 'preact/hooks';
import type { Brand } from '#domain/brand.ts';
import { BrandMark } from './brand.tsx';
import { t } from './i18n/language.ts';
import { LanguagePicker } from './i18n/language-picker.tsx';
import { DraftSize } from './rfqs/draft-size.tsx';
import { Link, navigate, useLocation } from './router.tsx';
import { pageAt, sectionLinks } from './routes.tsx';
import { useSignedIn } from './signed-in.ts';
import { PageTitle } from './ui/page.tsx';

/** The person's start page: their first section, as GET /me lists them. */
export const useHome = (): string => {
  const { me } = useSignedIn();
  const first = me.sections[0];
  return first ? sectionLinks[first].to : '';
};

const NotFound = () => (
  <>
    <PageTitle>{t('app.notFound.title')}</PageTitle>
    <p>
      {t('app.notFound.text')} <Link to={useHome()}>{t('app.notFound.home')}</Link>
    </p>
  </>
);

/**
 * Every signed-in person's app: the menu of the sections GET /me gives them and the page the route table has for the
 * address. A person whose start page is not the catalog (the seller's staff) is taken from /app/ to theirs.
 */
export const App = (props: { brand: Brand }) => {
  const { path, query } = useLocation();
  const { me, person, session } = useSignedIn();
  const home = useHome();
  const found = pageAt(path, query, me.sections);
  const leave = path === '' && !found && home !== '';
  useEffect(() => {
    if (leave) navigate(home, { replace: true });
  }, [leave, home]);
  const company = me.companyName ?? me.companyId;
  return (
    <>
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <header>
        <BrandMark brand={props.brand} />
        <nav aria-label={t('app.menu')}>
          <ul>
            {me.sections.map((section) => (
              <li key={section}>
                <Link
                  to={sectionLinks[section].to}
                  {...(found?.section === section && { 'aria-current': 'page' as const })}
                >
                  {t(sectionLinks[section].label)}
                  {section === 'new-rfq' && <DraftSize />}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span>
            {person.name}
            {company && <span class="secondary"> · {company}</span>}
          </span>
          <LanguagePicker />
          <button type="button" class="link" onClick={() => session.signOut()}>
            {t('app.signOut')}
          </button>
        </div>
      </header>
      <main id="main">{leave ? null : (found?.page ?? <NotFound />)}</main>
    </>
  );
};

/** Signed in, but with nothing to open: not at a buyer company, not on the seller's staff. They are told so. */
export const NoAccess = (props: { email: string; onSignOut: () => void }) => (
  <main id="main" class="centered">
    <PageTitle>{t('app.noAccess.title')}</PageTitle>
    <p>{t('app.noAccess.text', { email: props.email })}</p>
    <p>{t('app.noAccess.next')}</p>
    <LanguagePicker />
    <button type="button" onClick={props.onSignOut}>
      {t('app.signOut')}
    </button>
  </main>
);

export const SignedOut = (props: { brand: Brand; onSignIn: () => void; message?: string }) => (
  <main id="main" class="centered">
    {props.brand.logoUrl && <img src={props.brand.logoUrl} alt="" width={48} height={48} />}
    <PageTitle>{props.brand.sellerName}</PageTitle>
    <p>{props.message ?? t('app.signedOut.text')}</p>
    <LanguagePicker />
    <button type="button" onClick={props.onSignIn}>
      {t('app.signIn')}
    </button>
  </main>
);
