import { isArray, isFunction, positiveInteger } from "../options.js";

/**
 * Runs `fn` on every item, at most `limit` at a time, on the event loop: `limit` lanes each
 * take the next item when their previous one is done. Results keep the order of `items`.
 * After a failure no lane takes a new item; once the running ones settle, the first error
 * is thrown. `onError` runs at the first failure (e.g. to abort the others).
 *
 * @example
 * // at most 3 downloads in flight at once
 * await mapLimit(jobs, 3, (job) => downloadFile(job.url, job.file));
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  onError: (error: unknown) => void = () => {},
): Promise<R[]> {
  isArray("items", items);
  positiveInteger("limit", limit);
  isFunction("fn", fn);
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (!failure && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index], index);
      } catch (error) {
        if (!failure) {
          failure = { error };
          onError(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure) throw failure.error;
  return results;
}

/**
 * The most intervals `{ start, end }` open at one instant: how many requests (or tasks) were
 * in progress at the same time. Intervals that only touch do not overlap.
 *
 * @example
 * maxOverlap([{ start: 0, end: 2 }, { start: 1, end: 3 }, { start: 3, end: 4 }]); // 2
 */
export function maxOverlap(intervals: ReadonlyArray<{ start: number; end: number }>): number {
  isArray("intervals", intervals);
  const events = intervals.flatMap(({ start, end }) => [
    { at: start, step: 1 },
    { at: end, step: -1 },
  ]);
  events.sort((a, b) => a.at - b.at || a.step - b.step); // an end before a start at the same instant
  let open = 0;
  let most = 0;
  for (const { step } of events) most = Math.max(most, (open += step));
  return most;
}
