import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api, Schemas } from './api/client.ts';
import type { Person, Session } from './auth/session.ts';

/**
 * What every page of a signed-in person needs: the typed API client, who they are (from their ID token) and what
 * they may open (GET /me, from the API's access policy: the app never decides that from group names).
 */
export interface SignedIn {
  api: Api;
  person: Person;
  me: Schemas['Me'];
  session: Session;
}

export const SignedInContext = createContext<SignedIn | undefined>(undefined);

export const useSignedIn = (): SignedIn => {
  const signedIn = useContext(SignedInContext);
  if (!signedIn) throw new Error('useSignedIn outside a signed-in page');
  return signedIn;
};
