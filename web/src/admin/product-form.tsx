import { useState } from 'preact/hooks';
import type { Api, Schemas } from '../api/client.ts';
import { useSignedIn } from '../signed-in.ts';
import { Unsendable, useAction } from '../ui/action.ts';
import { ActionProblem } from '../ui/action-problem.tsx';
import { minorUnitsOf, typedPrice } from '../ui/money-input.ts';

export type Product = Schemas['Product'];

/** Saves one product (the API's PUT takes the whole product). */
export const saveProduct = (api: Api, product: Product) =>
  api.PUT('/products/{sku}', { params: { path: { sku: product.sku } }, body: product });

/** One product's form: what the API's PUT takes, prices typed in major units; the API's refusal shown as it said it. */
export const EditProduct = (props: { product: Product; onSaved: (message: string) => void; onCancel: () => void }) => {
  const { api } = useSignedIn();
  const { product } = props;
  const [name, setName] = useState(product.name);
  const [unit, setUnit] = useState(product.unit);
  const [category, setCategory] = useState(product.category ?? '');
  const [listPrice, setListPrice] = useState(typedPrice(product.listPrice, product.currency));
  const [cost, setCost] = useState(typedPrice(product.cost, product.currency));
  const [active, setActive] = useState(product.active);
  const save = useAction(async () => {
    const list = minorUnitsOf(listPrice, product.currency);
    const costUnits = cost.trim() === '' ? undefined : minorUnitsOf(cost, product.currency);
    if (list === undefined || (cost.trim() !== '' && costUnits === undefined))
      throw new Unsendable(`Type prices in ${product.currency}, like 12.50.`);
    return saveProduct(api, {
      sku: product.sku,
      name,
      unit,
      listPrice: list,
      currency: product.currency,
      ...(costUnits !== undefined && { cost: costUnits }),
      ...(category.trim() && { category: category.trim() }),
      active,
    });
  }, 'The product could not be saved.');
  return (
    <form
      class="panel product-form"
      aria-labelledby="edit-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await save.run()) props.onSaved(`Saved ${product.sku}.`);
      }}
    >
      <h2 id="edit-heading">Edit {product.sku}</h2>
      <div class="fields">
        <label>
          Name
          <input value={name} required maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          Unit
          <input value={unit} required maxLength={20} onInput={(e) => setUnit(e.currentTarget.value)} />
        </label>
        <label>
          Category
          <input value={category} maxLength={100} onInput={(e) => setCategory(e.currentTarget.value)} />
        </label>
        <label>
          List price ({product.currency})
          <input inputMode="decimal" value={listPrice} required onInput={(e) => setListPrice(e.currentTarget.value)} />
        </label>
        <label>
          Cost ({product.currency})
          <input inputMode="decimal" value={cost} onInput={(e) => setCost(e.currentTarget.value)} />
        </label>
        <label class="inline">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
          Active (offered in the catalog)
        </label>
      </div>
      <ActionProblem action={save} />
      <div class="actions">
        <button type="submit" disabled={save.busy}>
          Save {product.sku}
        </button>
        <button type="button" class="secondary-action" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
};
