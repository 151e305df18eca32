import type { ComponentChildren } from 'preact';
import type { RowProblem } from './row-problem.ts';

/**
 * The rows of an imported file that were not taken, each by its row number, SKU, field and reason — with, where the
 * page offers it, a way to fix or drop the row in place.
 */
export const RowProblems = (props: {
  caption: string;
  problems: readonly RowProblem[];
  actions?: (problem: RowProblem) => ComponentChildren;
}) => (
  <div class="table-scroll">
    <table class="list">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">SKU</th>
          {props.problems.some((p) => p.field) && <th scope="col">Field</th>}
          <th scope="col">Problem</th>
          {props.actions && (
            <th scope="col">
              <span class="visually-hidden">Fix</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {props.problems.map((p) => (
          <tr key={`${p.row}-${p.field ?? ''}`} class="troubled">
            <td data-label="Row">{p.row}</td>
            <td data-label="SKU">{p.sku || '(none)'}</td>
            {props.problems.some((q) => q.field) && <td data-label="Field">{p.field ?? '—'}</td>}
            <td data-label="Problem">{p.message}</td>
            {props.actions && <td>{props.actions(p)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
