import { useEffect, useState } from 'preact/hooks';
import { aLine, type DraftLine } from './draft-lines.ts';

/**
 * The RFQ a buyer is putting together, kept in this browser (per person) until it is submitted: a closed tab or a
 * sign-in on the way loses nothing. Its idempotency key is made with it, so a retried submit never makes two RFQs.
 */
export interface RfqDraft {
  lines: DraftLine[];
  note: string;
  requestedDeliveryDate: string;
  idempotencyKey: string;
}

const keyOf = (email: string) => `quote-to-order:rfq-draft:${email}`;

/** Said on the window whenever a draft is saved or cleared, so what shows its size (the menu's count) follows. */
const draftChanged = 'quote-to-order:rfq-draft-changed';

const emptyDraft = (): RfqDraft => ({
  lines: [],
  note: '',
  requestedDeliveryDate: '',
  idempotencyKey: crypto.randomUUID(),
});

export const loadDraft = (email: string): RfqDraft => {
  try {
    const saved = JSON.parse(localStorage.getItem(keyOf(email)) ?? 'null') as Partial<RfqDraft> | null;
    return saved && Array.isArray(saved.lines) ? { ...emptyDraft(), ...saved } : emptyDraft();
  } catch {
    return emptyDraft();
  }
};

export const saveDraft = (email: string, draft: RfqDraft): void => {
  localStorage.setItem(keyOf(email), JSON.stringify(draft));
  window.dispatchEvent(new Event(draftChanged));
};

export const clearDraft = (email: string): void => {
  localStorage.removeItem(keyOf(email));
  window.dispatchEvent(new Event(draftChanged));
};

/** Adds lines to the saved draft (from the catalog, or "copy to a new RFQ"); answers how many lines it now has. */
export const addToDraft = (email: string, lines: { sku: string; quantity: number }[]): number => {
  const draft = loadDraft(email);
  for (const { sku, quantity } of lines) {
    const same = draft.lines.find((l) => l.sku === sku);
    if (same && /^\d+$/.test(same.quantity)) same.quantity = String(Number(same.quantity) + quantity);
    else draft.lines.push(aLine(sku, quantity));
  }
  saveDraft(email, draft);
  return draft.lines.length;
};

export const useDraft = (email: string): [RfqDraft, (next: RfqDraft) => void] => {
  const [draft, setDraft] = useState(() => loadDraft(email));
  useEffect(() => saveDraft(email, draft), [email, draft]);
  return [draft, setDraft];
};

/** How many lines the person's draft has, kept current as this tab or another one changes it. */
export const useDraftSize = (email: string): number => {
  const [size, setSize] = useState(() => loadDraft(email).lines.length);
  useEffect(() => {
    const update = () => setSize(loadDraft(email).lines.length);
    update();
    window.addEventListener(draftChanged, update);
    window.addEventListener('storage', update);
    return () => {
      window.removeEventListener(draftChanged, update);
      window.removeEventListener('storage', update);
    };
  }, [email]);
  return size;
};
