// A ThreadPool that keeps the evidence a check needs: which objects came back from its workers,
// in which order tasks finished, and how many items it was given.
import type { MapOptions, TaskOptions } from "../pool/options.js";
import type { Task } from "../pool/task.js";
import { ThreadPool } from "../threads/index.js";

type AnyFunction = (...args: never[]) => unknown;

export class EvidencePool extends ThreadPool {
  /** Every object a worker gave back (arrays of factors…): a result computed in the kernel is not here. */
  readonly fromWorkers = new WeakSet<object>();
  /** The results of submit/apply, in the order their tasks finished. */
  readonly finished: unknown[] = [];
  /** Items handed to map/imapUnordered, and tasks to submit/apply. */
  itemsGiven = 0;

  #keep(value: unknown): void {
    if (value !== null && typeof value === "object") this.fromWorkers.add(value);
  }

  override apply<A extends unknown[], R>(fn: (...args: A) => R, args: A = [] as unknown as A, options: TaskOptions = {}): Task<Awaited<R>> {
    const task = super.apply(fn, args, options);
    this.itemsGiven++;
    task.then((value) => {
      this.#keep(value);
      this.finished.push(value);
    }, () => {});
    return task;
  }

  override async map<T, R>(fn: (item: T) => R, items: Iterable<T>, options: MapOptions = {}): Promise<Array<Awaited<R>>> {
    const list = Array.from(items ?? []);
    this.itemsGiven += list.length;
    const out = await super.map(fn, list, options);
    for (const value of out) this.#keep(value);
    return out;
  }

  override imapUnordered<T, R>(fn: (item: T) => R, items: Iterable<T>, options: MapOptions = {}): AsyncIterableIterator<Awaited<R>> {
    const list = Array.from(items ?? []);
    this.itemsGiven += list.length;
    const inner = super.imapUnordered(fn as AnyFunction as (item: T) => R, list, options);
    const keep = (value: unknown) => this.#keep(value);
    return (async function* kept(): AsyncGenerator<Awaited<R>> {
      for await (const value of inner) {
        keep(value);
        yield value;
      }
    })();
  }
}
