import { useEffect } from 'preact/hooks';
import type { Brand } from '#domain/brand.ts';
import { BrandMark } from './brand.tsx';
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
    <PageTitle>Page not found</PageTitle>
    <p>
      There is no such page. <Link to={useHome()}>Go to your start page</Link>
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
        Skip to content
      </a>
      <header>
        <BrandMark brand={props.brand} />
        <nav aria-label="Main">
          <ul>
            {me.sections.map((section) => (
              <li key={section}>
                <Link
                  to={sectionLinks[section].to}
                  {...(found?.section === section && { 'aria-current': 'page' as const })}
                >
                  {sectionLinks[section].label}
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
          <button type="button" class="link" onClick={() => session.signOut()}>
            Sign out
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
    <PageTitle>No access</PageTitle>
    <p>
      You are signed in as <strong>{props.email}</strong>, but this account is neither a buyer or approver at a customer
      company nor a rep, sales manager or administrator of the seller, so there is nothing to show.
    </p>
    <p>Ask your company's administrator or your account rep to add you, then sign in again.</p>
    <button type="button" onClick={props.onSignOut}>
      Sign out
    </button>
  </main>
);

export const SignedOut = (props: { brand: Brand; onSignIn: () => void; message?: string }) => (
  <main id="main" class="centered">
    {props.brand.logoUrl && <img src={props.brand.logoUrl} alt="" width={48} height={48} />}
    <PageTitle>{props.brand.sellerName}</PageTitle>
    <p>
      {props.message ?? 'Request quotes at your contract prices, follow them, and accept them with your PO number.'}
    </p>
    <button type="button" onClick={props.onSignIn}>
      Sign in
    </button>
  </main>
);
