/**
 * The route table's path patterns: 'rfqs/:rfqId' fits 'rfqs/R-1' with { rfqId: 'R-1' }. Pure, so its typed params
 * are checked where the table names them and its matching is unit-tested.
 */

/** The params a path pattern names, each a string: 'rfqs/:rfqId/pdf' → { rfqId: string }. */
export type ParamsOf<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & ParamsOf<Rest>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, string>;

/** The params of a path that fits the pattern segment by segment (decoded), or undefined when it does not fit. */
export const matchPath = <P extends string>(pattern: P, path: string): ParamsOf<P> | undefined => {
  const wanted = pattern.split('/');
  const given = path.split('/');
  if (wanted.length !== given.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of wanted.entries()) {
    const value = given[i] ?? '';
    if (!segment.startsWith(':')) {
      if (segment !== value) return undefined;
      continue;
    }
    if (!value) return undefined;
    try {
      params[segment.slice(1)] = decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return params as ParamsOf<P>;
};
