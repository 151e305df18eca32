import type { ComponentChildren } from 'preact';

/**
 * A column of a LineTable: its heading and what each row shows under it. A number column is right-aligned in tabular
 * figures and names itself in each cell (`data-label`), since on a phone the rows become cards without the headings.
 */
export interface Column<Row> {
  heading: string;
  number?: boolean;
  cell: (row: Row, index: number) => ComponentChildren;
}

/** The row under the lines: a label across every column but the last, and the figure in the last. */
export interface TotalRow {
  label: ComponentChildren;
  value: ComponentChildren;
  /** The figure is still being worked out (its cell says so to assistive technology). */
  busy?: boolean;
}

/**
 * The one table of lines every screen shows — a quote's, a review's, a discount's, the top products — so headings,
 * phone cards, number alignment and the total row look and read the same everywhere.
 */
export const LineTable = <Row,>(props: {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row, index: number) => string | number;
  /** What the table holds, for screen readers (the screen's heading already says it to the eye). */
  caption?: string;
  class?: string;
  rowClass?: (row: Row) => string | undefined;
  /** Rows above the total (a quote's net total and its taxes), read the same way. */
  above?: readonly TotalRow[] | undefined;
  total?: TotalRow;
}) => (
  <div class="table-scroll">
    <table class={props.class ? `list ${props.class}` : 'list'}>
      {props.caption && <caption class="visually-hidden">{props.caption}</caption>}
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th key={column.heading} scope="col" class={column.number ? 'number' : undefined}>
              {column.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, index) => (
          <tr key={props.rowKey(row, index)} class={props.rowClass?.(row)}>
            {props.columns.map((column) =>
              column.number ? (
                <td key={column.heading} class="number" data-label={column.heading}>
                  {column.cell(row, index)}
                </td>
              ) : (
                <td key={column.heading}>{column.cell(row, index)}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {props.total && (
        <tfoot>
          {props.above?.map((row, index) => (
            <tr key={index} class="above-total">
              <th scope="row" colSpan={props.columns.length - 1}>
                {row.label}
              </th>
              <td class="number">{row.value}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" colSpan={props.columns.length - 1}>
              {props.total.label}
            </th>
            <td class="number" aria-busy={props.total.busy}>
              {props.total.value}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  </div>
);
