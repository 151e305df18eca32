import { useEffect, useRef, useState } from 'preact/hooks';
import { Unsendable } from '../ui/action.ts';
import { money } from '../ui/money.ts';
import { minorUnitsOf, typedPrice } from '../ui/money-input.ts';
import { type Contract, type ContractPrice, useContractSave } from './contract-save.ts';
import { readTiers, tiersText, typedTiers } from './contract-tiers.ts';

/** One SKU's contract price and tiers, edited in place of its row. */
const EditPrice = (props: {
  price: ContractPrice;
  currency: string;
  /** Why the last save was refused. */
  problem: string;
  onSave: (price: () => ContractPrice) => Promise<unknown>;
  onCancel: () => void;
}) => {
  const { price, currency } = props;
  const [unitPrice, setUnitPrice] = useState(typedPrice(price.unitPrice, currency));
  const [tiers, setTiers] = useState(typedTiers(price.tiers, currency));
  const first = useRef<HTMLInputElement>(null);
  // The form opens above the table: the keyboard goes to it, not back to the top of the page.
  useEffect(() => first.current?.focus(), []);
  return (
    <form
      class="panel product-form"
      aria-labelledby="edit-price-heading"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave(() => {
          const unit = unitPrice.trim() === '' ? undefined : minorUnitsOf(unitPrice, currency);
          const read = readTiers(tiers, currency);
          if (unitPrice.trim() !== '' && unit === undefined)
            throw new Unsendable(`Type the price in ${currency}, like 12.50.`);
          if ('problem' in read) throw new Unsendable(read.problem);
          return {
            sku: price.sku,
            ...(unit !== undefined && { unitPrice: unit }),
            ...(read.tiers.length > 0 && { tiers: read.tiers }),
          };
        });
      }}
    >
      <h2 id="edit-price-heading">Edit the price of {price.sku}</h2>
      <div class="fields">
        <label>
          Contract price ({currency})
          <input
            ref={first}
            inputMode="decimal"
            value={unitPrice}
            onInput={(e) => setUnitPrice(e.currentTarget.value)}
          />
        </label>
        <label>
          Volume tiers, one a line (quantity: price)
          <textarea
            rows={4}
            value={tiers}
            placeholder={'50: 15.50\n200: 14.20'}
            onInput={(e) => setTiers(e.currentTarget.value)}
          />
        </label>
      </div>
      {props.problem && (
        <p class="error" role="alert">
          {props.problem}
        </p>
      )}
      <div class="actions">
        <button type="submit">Save {price.sku}</button>
        <button type="button" class="secondary-action" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
};

/** The contract's price per SKU, each edited in place or removed (priced at list less the discount again). */
export const Prices = (props: { contract: Contract; onSaved: () => void }) => {
  const { contract } = props;
  const [editing, setEditing] = useState<string | undefined>();
  const [answer, setAnswer] = useState('');
  const saving = useContractSave();
  const save = async (prices: () => ContractPrice[], told: string) => {
    setAnswer('');
    const saved = await saving.run(() => ({ ...contract, prices: prices() }));
    if (!saved) return false;
    setAnswer(told);
    props.onSaved();
    return true;
  };
  const editable = editing ? contract.prices.find((p) => p.sku === editing) : undefined;
  return (
    <section class="panel" aria-labelledby="prices-heading">
      <h2 id="prices-heading">
        Prices <span class="secondary">({contract.prices.length.toLocaleString()} SKUs)</span>
      </h2>
      <p role="status" class="notice">
        {answer}
      </p>
      {saving.error && !editable && (
        <p class="error" role="alert">
          {saving.error}
        </p>
      )}
      {editable && (
        <EditPrice
          key={editable.sku}
          price={editable}
          currency={contract.currency}
          problem={saving.error}
          onCancel={() => setEditing(undefined)}
          onSave={async (price) => {
            const saved = await save(
              () => contract.prices.map((p) => (p.sku === editable.sku ? price() : p)),
              `Saved ${editable.sku}.`,
            );
            if (saved) setEditing(undefined);
          }}
        />
      )}
      {contract.prices.length === 0 ? (
        <p>
          No contract prices: every product is list price less {contract.discountPercent ?? 0}%. Import a price list
          below.
        </p>
      ) : (
        <div class="table-scroll">
          <table class="list contract-prices">
            <caption class="visually-hidden">Contract prices by SKU</caption>
            <thead>
              <tr>
                <th scope="col">SKU</th>
                <th scope="col" class="number">
                  Contract price
                </th>
                <th scope="col">Volume tiers</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {contract.prices.map((p) => (
                <tr key={p.sku}>
                  <td>{p.sku}</td>
                  <td class="number" data-label="Contract price">
                    {money(p.unitPrice, contract.currency)}
                  </td>
                  <td data-label="Volume tiers">{tiersText(p.tiers, contract.currency)}</td>
                  <td class="row-actions">
                    <button type="button" class="secondary-action" onClick={() => setEditing(p.sku)}>
                      Edit <span class="visually-hidden">{p.sku}</span>
                    </button>{' '}
                    <button
                      type="button"
                      class="secondary-action"
                      onClick={() =>
                        save(
                          () => contract.prices.filter((q) => q.sku !== p.sku),
                          `Removed ${p.sku}: it is priced at list less the discount.`,
                        )
                      }
                    >
                      Remove <span class="visually-hidden">{p.sku}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
