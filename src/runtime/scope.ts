// A scope: the resources (pools, threads, processes) made while one call runs, even after its
// cell has ended (an `interact` re-run), so that cancelling the call can stop exactly those.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Resource } from "./registry.js";

export interface Scope {
  /** The cell that owns what the call makes: re-running that cell disposes of it. */
  readonly cellId: string | undefined;
  readonly resources: Set<Resource>;
}

const STORAGE = Symbol.for("concurrence.runtime.scope");
type Globals = typeof globalThis & { [STORAGE]?: AsyncLocalStorage<Scope> };

/** Shared by every copy of the library in the kernel, as the registry's state is. */
function storage(): AsyncLocalStorage<Scope> {
  const g = globalThis as Globals;
  g[STORAGE] ??= new AsyncLocalStorage<Scope>();
  return g[STORAGE];
}

/** The scope of the call running now, if any. */
export function currentScope(): Scope | undefined {
  return storage().getStore();
}

/** Runs `fn` (and everything it starts, awaited or not) in `scope`. */
export function runInScope<T>(scope: Scope, fn: () => T): T {
  return storage().run(scope, fn);
}

export function newScope(cellId: string | undefined): Scope {
  return { cellId, resources: new Set() };
}
