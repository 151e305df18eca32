import type { ComponentChildren } from 'preact';
import { t } from '../i18n/language.ts';
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
          <th scope="col">{t('rowProblems.row')}</th>
          <th scope="col">{t('rowProblems.sku')}</th>
          {props.problems.some((p) => p.field) && <th scope="col">{t('rowProblems.field')}</th>}
          <th scope="col">{t('rowProblems.problem')}</th>
          {props.actions && (
            <th scope="col">
              <span class="visually-hidden">{t('rowProblems.fix')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {props.problems.map((p) => (
          <tr key={`${p.row}-${p.field ?? ''}`} class="troubled">
            <td data-label={t('rowProblems.row')}>{p.row}</td>
            <td data-label={t('rowProblems.sku')}>{p.sku || t('rowProblems.noSku')}</td>
            {props.problems.some((q) => q.field) && <td data-label={t('rowProblems.field')}>{p.field ?? '—'}</td>}
            <td data-label={t('rowProblems.problem')}>{p.message}</td>
            {props.actions && <td>{props.actions(p)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
