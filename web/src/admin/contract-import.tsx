import { useMemo, useState } from 'preact/hooks';
import { AnswerLine, type FormAnswer, noAnswer } from '../ui/form-answer.tsx';
import type { RowProblem } from '../ui/row-problem.ts';
import { RowProblems } from '../ui/row-problems.tsx';
import { lineProblems, type PriceListLine, pricesOf, readContractPriceList, rowsOfApiErrors } from './contract-csv.ts';
import { type Contract, useContractSave } from './contract-save.ts';

/** A row's problem fixed in place: the field's value retyped (Enter applies it), or the row dropped. */
export const FixRow = (props: {
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
export const ImportPrices = (props: { contract: Contract; onSaved: () => void }) => {
  const { contract } = props;
  const [file, setFile] = useState('');
  const [lines, setLines] = useState<PriceListLine[]>([]);
  const [told, setTold] = useState<FormAnswer>(noAnswer);
  const saving = useContractSave();
  const problems = useMemo(() => lineProblems(lines, contract.currency), [lines, contract.currency]);
  // What the API refused, on the rows it came from (the lines are as they were sent until they change).
  const apiProblems = saving.problem
    ? rowsOfApiErrors(saving.problem.errors ?? [], pricesOf(lines, contract.currency), lines)
    : [];
  const shown = problems.length > 0 ? problems : apiProblems;
  const answer: FormAnswer = saving.error
    ? { ok: false, text: apiProblems.length ? `${saving.error} The rows are listed below.` : saving.error }
    : told;
  const skus = useMemo(() => new Set(lines.map((l) => l.sku)).size, [lines]);

  const upload = async (chosen: File | undefined) => {
    if (!chosen) return;
    const read = readContractPriceList(await chosen.text());
    setFile(chosen.name);
    saving.clear();
    setLines(read.lines);
    const found = lineProblems(read.lines, contract.currency).length;
    setTold(
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
    saving.clear();
    setTold({ ok: true, text });
  };
  const saveAll = async () => {
    const prices = pricesOf(lines, contract.currency);
    if (!(await saving.run(() => ({ ...contract, prices })))) return;
    setTold({
      ok: true,
      text: `Saved ${lines.length.toLocaleString()} rows from ${file}: ${prices.length.toLocaleString()} SKUs now have contract prices.`,
    });
    setLines([]);
    props.onSaved();
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
          <button type="button" disabled={saving.busy || problems.length > 0} onClick={saveAll}>
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
