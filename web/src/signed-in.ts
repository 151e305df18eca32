import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from './api/client.ts';
import type { Person, Session } from './auth/session.ts';

/** What every page of a signed-in person needs: the typed API client and who they are. */
export interface SignedIn {
  api: Api;
  person: Person;
  session: Session;
}

export const SignedInContext = createContext<SignedIn | undefined>(undefined);

export const useSignedIn = (): SignedIn => {
  const signedIn = useContext(SignedInContext);
  if (!signedIn) throw new Error('useSignedIn outside a signed-in page');
  return signedIn;
};
