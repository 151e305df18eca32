/**
 * Lines of one sku as one line, in the order each sku first appears: quantities added (so the contract's tiers see
 * the total), the first target price kept. A line whose `mergeKey` is undefined stays a line of its own. The server
 * prices a request so (checkedLines), and the web app's draft estimate merges its lines with this same function.
 */
export const mergedBySku = <L extends { sku: string; quantity: number; targetUnitPrice?: number }>(
  lines: readonly L[],
  mergeKey: (line: L) => string | undefined = (line) => line.sku,
): L[] => {
  const merged: L[] = [];
  const at = new Map<string, number>();
  for (const line of lines) {
    const key = mergeKey(line);
    const index = key === undefined ? undefined : at.get(key);
    if (index === undefined) {
      if (key !== undefined) at.set(key, merged.length);
      merged.push(line);
      continue;
    }
    const first = merged[index]!;
    merged[index] = {
      ...first,
      quantity: first.quantity + line.quantity,
      ...(first.targetUnitPrice === undefined &&
        line.targetUnitPrice !== undefined && { targetUnitPrice: line.targetUnitPrice }),
    };
  }
  return merged;
};
