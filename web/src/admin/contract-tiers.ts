import type { components } from '../api/openapi.d.ts';
import { money } from '../ui/money.ts';
import { minorUnitsOf, typedPrice } from '../ui/money-input.ts';

type Tier = NonNullable<components['schemas']['Contract']['prices'][number]['tiers']>[number];

/** Tiers as a person reads them: "from 50 $15.50 · from 200 $14.20". */
export const tiersText = (tiers: readonly Tier[] | undefined, currency: string): string =>
  tiers?.length
    ? tiers.map((t) => `from ${t.minQty.toLocaleString()} ${money(t.unitPrice, currency)}`).join(' · ')
    : '—';

/** Tiers as typed in the editor: "50: 15.50", one a line (or separated by semicolons; a price may have a comma). */
export const typedTiers = (tiers: readonly Tier[] | undefined, currency: string): string =>
  (tiers ?? []).map((t) => `${t.minQty}: ${typedPrice(t.unitPrice, currency)}`).join('\n');

/** The typed tiers read back, or the sentence naming the first part that is not "quantity: price". */
export const readTiers = (typed: string, currency: string): { tiers: Tier[] } | { problem: string } => {
  const parts = typed
    .split(/[;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const tiers: Tier[] = [];
  for (const part of parts) {
    const match = /^(\d{1,9})\s*[:=]\s*(.+)$/.exec(part);
    const unitPrice = match ? minorUnitsOf(match[2]!, currency) : undefined;
    if (!match || unitPrice === undefined || Number(match[1]) < 1)
      return { problem: `“${part}” is not a tier: type quantity and price, like 50: 15.50` };
    tiers.push({ minQty: Number(match[1]), unitPrice });
  }
  return { tiers: tiers.sort((a, b) => a.minQty - b.minQty) };
};
