import { describe } from "../options.js";
import { register } from "./registry.js";
import { messages } from "../messages/index.js";

/** What `bindToCell` can end: an rxjs Subscription, anything with dispose(), or a teardown function. */
export type Teardown = { unsubscribe(): void } | { dispose(): unknown } | (() => unknown);

/**
 * Ties what keeps running after a cell returns (an rxjs subscription, a timer, an event
 * listener) to that cell: the stop button, re-running the cell, or restarting the kernel ends it.
 * Returns its argument.
 * @example
 * const subscription = bindToCell(interval(100).subscribe(console.log));
 * const timer = setInterval(tick, 100);
 * bindToCell(() => clearInterval(timer));
 */
export function bindToCell<T extends Teardown>(thing: T): T {
  const end = teardownOf(thing);
  let done = false;
  const stop = async () => {
    if (done) return;
    done = true;
    forget();
    await end();
  };
  const forget = register({ interrupt: () => void stop(), dispose: stop });
  return thing;
}

function teardownOf(thing: Teardown): () => unknown {
  if (typeof thing === "function") return thing;
  if (typeof thing === "object" && thing !== null) {
    if (typeof (thing as { unsubscribe?: unknown }).unsubscribe === "function") return () => (thing as { unsubscribe(): void }).unsubscribe();
    if (typeof (thing as { dispose?: unknown }).dispose === "function") return () => (thing as { dispose(): unknown }).dispose();
  }
  throw new TypeError(messages().options.bindToCell(describe(thing)));
}
