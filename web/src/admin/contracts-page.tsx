import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Api, problemText, type Schemas } from '../api/client.ts';
import { useLocation } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { AnswerLine, type FormAnswer, noAnswer } from '../ui/form-answer.tsx';
import { useLoad } from '../ui/load.ts';
import { money } from '../ui/money.ts';
import { minorUnitsOf, typedPrice } from '../ui/money-input.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import type { RowProblem } from '../ui/row-problem.ts';
import { RowProblems } from '../ui/row-problems.tsx';
import { type CompanyListItem, CompanyPicker } from './company-picker.tsx';
import { lineProblems, type PriceListLine, pricesOf, readContractPriceList, rowsOfApiErrors } from './contract-csv.ts';
import { readTiers, tiersText, typedTiers } from './contract-tiers.ts';
import './admin.css';

type Contract = Schemas['Contract'];
type ContractPrice = Contract['prices'][number];
type Answer = { ok: true; text: string } | { ok: false; text: string; errors: { path: string; message: string }[] };

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** A company without a contract starts from a year's contract at list prices, saved when its terms are. */
const aNewContract = (company: CompanyListItem): Contract => {
  const today = new Date();
  return {
    contractId: `${company.companyId}-contract`,
    companyId: company.companyId,
    currency: company.currency,
    validFrom: isoDay(today),
    validTo: isoDay(new Date(today.getTime() + 365 * 86_400_000)),
    discountPercent: 0,
    prices: [],
  };
};

/** Saves the whole contract (the API's PUT is an upsert of the whole resource); the API's refusal as it said it. */
const save = async (api: Api, contract: Contract): Promise<Answer> => {
  const { data, error } = await api.PUT('/companies/{companyId}/contract', {
    params: { path: { companyId: contract.companyId } },
    body: contract,
  });
  if (data) return { ok: true, text: '' };
  return { ok: false, text: problemText(error, 'The contract could not be saved.'), errors: error?.errors ?? [] };
};

const Terms = (props: { contract: Contract; saved: boolean; onSave: (contract: Contract) => Promise<Answer> }) => {
  const { contract } = props;
  const [contractId, setContractId] = useState(contract.contractId);
  const [validFrom, setValidFrom] = useState(contract.validFrom);
  const [validTo, setValidTo] = useState(contract.validTo);
  const [discount, setDiscount] = useState(String(contract.discountPercent ?? 0));
  const [answer, setAnswer] = useState<Answer | undefined>();
  return (
    <form
      class="panel product-form"
      aria-labelledby="terms-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        const discountPercent = Number(discount);
        if (discount.trim() === '' || !Number.isFinite(discountPercent)) {
          setAnswer({ ok: false, text: `“${discount}” is not a percentage, like 5 or 2.5.`, errors: [] });
          return;
        }
        const result = await props.onSave({
          ...contract,
          contractId: contractId.trim(),
          validFrom,
          validTo,
          discountPercent,
        });
        setAnswer(result.ok ? { ok: true, text: 'Saved the terms.' } : result);
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
      <AnswerLine answer={answer} />
      <div class="actions">
        <button type="submit">{props.saved ? 'Save the terms' : 'Create the contract'}</button>
      </div>
    </form>
  );
};

/** One SKU's contract price and tiers, edited in place of its row. */
const EditPrice = (props: {
  price: ContractPrice;
  currency: string;
  onSave: (price: ContractPrice) => Promise<Answer>;
  onCancel: () => void;
}) => {
  const { price, currency } = props;
  const [unitPrice, setUnitPrice] = useState(typedPrice(price.unitPrice, currency));
  const [tiers, setTiers] = useState(typedTiers(price.tiers, currency));
  const [problem, setProblem] = useState('');
  const first = useRef<HTMLInputElement>(null);
  // The form opens above the table: the keyboard goes to it, not back to the top of the page.
  useEffect(() => first.current?.focus(), []);
  return (
    <form
      class="panel product-form"
      aria-labelledby="edit-price-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        const unit = unitPrice.trim() === '' ? undefined : minorUnitsOf(unitPrice, currency);
        const read = readTiers(tiers, currency);
        if (unitPrice.trim() !== '' && unit === undefined)
          return setProblem(`Type the price in ${currency}, like 12.50.`);
        if ('problem' in read) return setProblem(read.problem);
        const answer = await props.onSave({
          sku: price.sku,
          ...(unit !== undefined && { unitPrice: unit }),
          ...(read.tiers.length > 0 && { tiers: read.tiers }),
        });
        if (!answer.ok) setProblem(answer.text);
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
      {problem && (
        <p class="error" role="alert">
          {problem}
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

const Prices = (props: { contract: Contract; onSave: (contract: Contract) => Promise<Answer> }) => {
  const { contract } = props;
  const [editing, setEditing] = useState<string | undefined>();
  const [answer, setAnswer] = useState('');
  const editable = editing ? contract.prices.find((p) => p.sku === editing) : undefined;
  return (
    <section class="panel" aria-labelledby="prices-heading">
      <h2 id="prices-heading">
        Prices <span class="secondary">({contract.prices.length.toLocaleString()} SKUs)</span>
      </h2>
      <p role="status" class="notice">
        {answer}
      </p>
      {editable && (
        <EditPrice
          key={editable.sku}
          price={editable}
          currency={contract.currency}
          onCancel={() => setEditing(undefined)}
          onSave={async (price) => {
            const result = await props.onSave({
              ...contract,
              prices: contract.prices.map((p) => (p.sku === price.sku ? price : p)),
            });
            if (result.ok) {
              setEditing(undefined);
              setAnswer(`Saved ${price.sku}.`);
            }
            return result;
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
                      onClick={async () => {
                        const result = await props.onSave({
                          ...contract,
                          prices: contract.prices.filter((q) => q.sku !== p.sku),
                        });
                        setAnswer(
                          result.ok ? `Removed ${p.sku}: it is priced at list less the discount.` : result.text,
                        );
                      }}
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

/** A row's problem fixed in place: the field's value retyped (Enter applies it), or the row dropped. */
const FixRow = (props: {
  problem: RowProblem;
  line: PriceListLine;
  onFix: (line: PriceListLine) => void;
  onDrop: () => void;
}) => {
  const field = (['sku', 'minQty', 'unitPrice'] as const).find((f) => f === props.problem.field) ?? 'unitPrice';
  const [value, setValue] = useState(props.line[field]);
  return (
    <form
      class="inline-form fix-row"
      onSubmit={(event) => {
        event.preventDefault();
        props.onFix({ ...props.line, [field]: field === 'sku' ? value.trim().toUpperCase() : value.trim() });
      }}
    >
      <label>
        {field} of row {props.problem.row}
        <input value={value} size={10} onInput={(e) => setValue(e.currentTarget.value)} />
      </label>
      <button type="submit" class="secondary-action">
        Use <span class="visually-hidden">for row {props.problem.row}</span>
      </button>
      <button type="button" class="secondary-action" onClick={props.onDrop}>
        Drop row {props.problem.row}
      </button>
    </form>
  );
};

/**
 * A price list from a CSV (sku, minQty, unitPrice): read in the browser, every row that cannot be part of a contract
 * shown by row, field and reason to fix or drop, and saved as the contract's whole price list in one PUT — whatever
 * the API then refuses is shown on the rows it came from.
 */
const ImportPrices = (props: { contract: Contract; onSave: (contract: Contract) => Promise<Answer> }) => {
  const { contract } = props;
  const [file, setFile] = useState('');
  const [lines, setLines] = useState<PriceListLine[]>([]);
  const [apiProblems, setApiProblems] = useState<RowProblem[]>([]);
  const [answer, setAnswer] = useState<FormAnswer>(noAnswer);
  const [busy, setBusy] = useState(false);
  const problems = useMemo(() => lineProblems(lines, contract.currency), [lines, contract.currency]);
  const shown = problems.length > 0 ? problems : apiProblems;
  const skus = useMemo(() => new Set(lines.map((l) => l.sku)).size, [lines]);

  const upload = async (chosen: File | undefined) => {
    if (!chosen) return;
    const read = readContractPriceList(await chosen.text());
    setFile(chosen.name);
    setApiProblems([]);
    setLines(read.lines);
    const found = lineProblems(read.lines, contract.currency).length;
    setAnswer(
      read.problem
        ? { ok: false, text: `${chosen.name}: ${read.problem}` }
        : {
            ok: found === 0,
            text:
              `Read ${read.lines.length.toLocaleString()} rows from ${chosen.name}` +
              (found
                ? `; ${found} ${found === 1 ? 'row needs' : 'rows need'} fixing before saving, listed below.`
                : '.'),
          },
    );
  };
  const change = (next: PriceListLine[], text: string) => {
    setLines(next);
    setApiProblems([]);
    setAnswer({ ok: true, text });
  };
  const saveAll = async () => {
    setBusy(true);
    const prices = pricesOf(lines, contract.currency);
    const result = await props.onSave({ ...contract, prices });
    setBusy(false);
    if (result.ok) {
      setAnswer({
        ok: true,
        text: `Saved ${lines.length.toLocaleString()} rows from ${file}: ${prices.length.toLocaleString()} SKUs now have contract prices.`,
      });
      setLines([]);
      return;
    }
    const onRows = rowsOfApiErrors(result.errors, prices, lines);
    setApiProblems(onRows);
    setAnswer({ ok: false, text: onRows.length ? `${result.text} The rows are listed below.` : result.text });
  };

  return (
    <section class="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import a price list</h2>
      <label>
        CSV file with sku, unitPrice and optionally minQty (a row with minQty is a volume tier; prices like 12.50). It
        replaces the contract’s prices when saved.
        <input type="file" accept=".csv,text/csv" onChange={(e) => upload(e.currentTarget.files?.[0])} />
      </label>
      <AnswerLine answer={answer} />
      {shown.length > 0 && (
        <RowProblems
          caption="Rows to fix"
          problems={shown}
          actions={(problem) => {
            const line = lines.find((l) => l.row === problem.row);
            return (
              line && (
                <FixRow
                  key={`${problem.row}-${problem.field}-${line[problem.field as 'sku'] ?? ''}`}
                  problem={problem}
                  line={line}
                  onFix={(fixed) =>
                    change(
                      lines.map((l) => (l.row === fixed.row ? fixed : l)),
                      `Row ${fixed.row} changed.`,
                    )
                  }
                  onDrop={() =>
                    change(
                      lines.filter((l) => l.row !== problem.row),
                      `Row ${problem.row} dropped.`,
                    )
                  }
                />
              )
            );
          }}
        />
      )}
      {lines.length > 0 && (
        <div class="actions">
          <button type="button" disabled={busy || problems.length > 0} onClick={saveAll}>
            Save the price list ({lines.length.toLocaleString()} rows, {skus.toLocaleString()} SKUs)
          </button>
          <button type="button" class="secondary-action" onClick={() => change([], 'The import was discarded.')}>
            Discard the import
          </button>
        </div>
      )}
    </section>
  );
};

const CompanyContract = (props: { company: CompanyListItem }) => {
  const { api } = useSignedIn();
  const { company } = props;
  const [loaded, reload] = useLoad(async () => {
    const { data, error, response } = await api.GET('/companies/{companyId}/contract', {
      params: { path: { companyId: company.companyId } },
    });
    if (data) return { contract: data, saved: true };
    if (response.status === 404) return { contract: aNewContract(company), saved: false };
    throw new Error(problemText(error, 'The contract could not be loaded.'));
  }, [company.companyId]);
  const saveAndReload = async (contract: Contract) => {
    const answer = await save(api, contract);
    if (answer.ok) reload();
    return answer;
  };
  return (
    <Show loaded={loaded}>
      {({ contract, saved }) => (
        <>
          <Terms
            key={`${contract.contractId}-${contract.validFrom}-${contract.validTo}`}
            contract={contract}
            saved={saved}
            onSave={saveAndReload}
          />
          {saved && (
            <>
              <Prices contract={contract} onSave={saveAndReload} />
              <ImportPrices contract={contract} onSave={saveAndReload} />
            </>
          )}
        </>
      )}
    </Show>
  );
};

/** The seller admin's contracts: one company's terms and prices per SKU (with tiers), edited or imported from a CSV. */
export const ContractsPage = () => {
  const { query } = useLocation();
  return (
    <>
      <PageTitle>Contracts</PageTitle>
      <CompanyPicker path="admin/contracts" companyId={query.get('company') ?? ''}>
        {(company) => <CompanyContract key={company.companyId} company={company} />}
      </CompanyPicker>
    </>
  );
};
