/** A problem found in one row of an imported file: its 1-based row, the SKU it names, the field and why. */
export interface RowProblem {
  row: number;
  sku: string;
  field?: string;
  message: string;
}
