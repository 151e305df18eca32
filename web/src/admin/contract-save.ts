import type { Schemas } from '../api/client.ts';
import { useSignedIn } from '../signed-in.ts';
import { useAction } from '../ui/action.ts';

export type Contract = Schemas['Contract'];
export type ContractPrice = Contract['prices'][number];

/**
 * Saving a company's whole contract (the API's PUT is an upsert of the whole resource). The contract to save comes from
 * a function run inside the action, so a value the form cannot read is refused like one the API refuses.
 */
export const useContractSave = () => {
  const { api } = useSignedIn();
  return useAction((next: () => Contract) => {
    const contract = next();
    return api.PUT('/companies/{companyId}/contract', {
      params: { path: { companyId: contract.companyId } },
      body: contract,
    });
  }, 'The contract could not be saved.');
};
