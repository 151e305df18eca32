import { useState } from 'preact/hooks';
import { Unsendable } from '../ui/action.ts';
import { AnswerLine } from '../ui/form-answer.tsx';
import { type Contract, useContractSave } from './contract-save.ts';

/** The contract's reference, dates and blanket discount; saving them creates the contract of a company without one. */
export const Terms = (props: { contract: Contract; saved: boolean; onSaved: () => void }) => {
  const { contract } = props;
  const [contractId, setContractId] = useState(contract.contractId);
  const [validFrom, setValidFrom] = useState(contract.validFrom);
  const [validTo, setValidTo] = useState(contract.validTo);
  const [discount, setDiscount] = useState(String(contract.discountPercent ?? 0));
  const saving = useContractSave();
  const [notice, setNotice] = useState('');
  return (
    <form
      class="panel product-form"
      aria-labelledby="terms-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        setNotice('');
        const saved = await saving.run(() => {
          const discountPercent = Number(discount);
          if (discount.trim() === '' || !Number.isFinite(discountPercent))
            throw new Unsendable(`“${discount}” is not a percentage, like 5 or 2.5.`);
          return { ...contract, contractId: contractId.trim(), validFrom, validTo, discountPercent };
        });
        if (!saved) return;
        setNotice('Saved the terms.');
        props.onSaved();
      }}
    >
      <h2 id="terms-heading">Terms</h2>
      {!props.saved && <p>This company has no contract yet: it buys at list prices until one is saved.</p>}
      <div class="fields">
        <label>
          Contract reference
          <input value={contractId} required maxLength={64} onInput={(e) => setContractId(e.currentTarget.value)} />
        </label>
        <label>
          Valid from
          <input type="date" value={validFrom} required onInput={(e) => setValidFrom(e.currentTarget.value)} />
        </label>
        <label>
          Valid to
          <input type="date" value={validTo} required onInput={(e) => setValidTo(e.currentTarget.value)} />
        </label>
        <label>
          Discount off list on other products (%)
          <input inputMode="decimal" value={discount} required onInput={(e) => setDiscount(e.currentTarget.value)} />
        </label>
      </div>
      <AnswerLine answer={saving.error ? { ok: false, text: saving.error } : { ok: true, text: notice }} />
      <div class="actions">
        <button type="submit">{props.saved ? 'Save the terms' : 'Create the contract'}</button>
      </div>
    </form>
  );
};
