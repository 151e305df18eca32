import type { AppMessage } from '../i18n/en.ts';
import { t } from '../i18n/language.ts';
import { type LineProblem, type LineProblemKind, maxQuantity } from './draft-lines.ts';

const problemWords: Record<LineProblemKind, AppMessage> = {
  'sku-missing': 'draft.problem.skuMissing',
  'sku-form': 'draft.problem.skuForm',
  'sku-unknown': 'draft.problem.skuUnknown',
  'quantity-missing': 'draft.problem.quantityMissing',
  'quantity-form': 'draft.problem.quantityForm',
};

/** A draft line's problem as the person reads it, beside its field and in the list above the lines. */
export const lineProblemText = (problem: LineProblem): string =>
  t(problemWords[problem.kind], { value: problem.value, max: maxQuantity });
