/** A page of one of the stores' all-items lists. */
type Page<T> = { items: T[]; cursor?: string | undefined };

/**
 * What every index migration does: read each item once, a page at a time, and write an entry only where one is
 * missing — so it is safe while the app runs and to run again. `indexOne` answers whether it wrote; progress is told
 * after each page, as the operator watching a long run wants.
 */
export const backfill = async <T>(
  pageAfter: (cursor: string | undefined) => Promise<Page<T>>,
  indexOne: (item: T) => Promise<boolean>,
  progress: (seen: number, indexed: number) => void,
): Promise<{ seen: number; indexed: number }> => {
  let seen = 0;
  let indexed = 0;
  let cursor: string | undefined;
  do {
    const page = await pageAfter(cursor);
    for (const item of page.items) {
      seen += 1;
      if (await indexOne(item)) indexed += 1;
    }
    progress(seen, indexed);
    cursor = page.cursor;
  } while (cursor);
  return { seen, indexed };
};

/** Runs a migration from the command line: its progress on stderr, its outcome and duration on stdout. */
export const runMigration = async <R>(migrate: () => Promise<R>, outcome: (result: R) => string): Promise<R> => {
  const started = performance.now();
  const result = await migrate();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Done in ${seconds} s: ${outcome(result)}`);
  return result;
};
