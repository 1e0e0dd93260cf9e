/**
 * The tasks, given back in the order they finish, like Python's `concurrent.futures.as_completed`.
 * Each is given as it is (a promise): `await` it for its result or its error.
 *
 * @example
 * for await (const task of pool.asCompleted(tasks)) console.log(await task);
 */
export function asCompleted<T extends PromiseLike<unknown>>(tasks: Iterable<T>): AsyncIterableIterator<T> {
  const pending = [...tasks];
  const finished: T[] = [];
  let left = pending.length;
  let wake: (() => void) | undefined;
  for (const task of pending) {
    const arrived = () => {
      finished.push(task);
      wake?.();
    };
    task.then(arrived, arrived);
  }
  return {
    async next(): Promise<IteratorResult<T>> {
      if (left === 0) return { done: true, value: undefined };
      if (finished.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      left--;
      return { done: false, value: finished.shift()! };
    },
    async return(): Promise<IteratorResult<T>> {
      left = 0;
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
