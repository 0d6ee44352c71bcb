import pLimit from 'p-limit';

/** Runs `fn` on every item, at most `limit` at a time (so a source is not flooded), in list order. */
export async function mapLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  const limited = pLimit(limit);
  await Promise.all(items.map((item) => limited(() => fn(item))));
}
