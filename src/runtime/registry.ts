import { currentScope, type Scope } from "./scope.js";

/**
 * Everything that owns a thread or a process registers here, so that the kernel can
 * stop it (the stop button), dispose of it (a re-run cell) or clean up (shutdown).
 * The state lives on `globalThis`, shared by every copy of the library in the kernel.
 */
export interface Resource {
  /** Cancels what runs now; the resource stays usable. */
  interrupt(reason: Error): void;
  /** Frees the threads and processes it holds. */
  dispose(): Promise<void>;
}

interface RuntimeState {
  owners: Map<Resource, string | undefined>;
  pending: Set<Promise<unknown>>;
}

const STATE = Symbol.for("concurrence.runtime.state");
/** Set by the kernel before each execution, even before a cell first loads the library. */
export const CELL_ID_KEY = Symbol.for("concurrence.cell-id");
type Globals = typeof globalThis & { [STATE]?: RuntimeState; [CELL_ID_KEY]?: string };

function state(): RuntimeState {
  const g = globalThis as Globals;
  g[STATE] ??= { owners: new Map(), pending: new Set() };
  return g[STATE];
}

/**
 * Remembers `resource`, owned by the cell that runs now, or by the scope of the call that makes it
 * (see scope.ts). Returns a function that forgets it.
 */
export function register(resource: Resource): () => void {
  const { owners } = state();
  const scope = currentScope();
  owners.set(resource, scope ? scope.cellId : (globalThis as Globals)[CELL_ID_KEY]);
  scope?.resources.add(resource);
  return () => {
    scope?.resources.delete(resource);
    return owners.delete(resource);
  };
}

/** Cancels a call: what its scope made is interrupted, then disposed of. */
export async function endScope(scope: Scope, reason: Error): Promise<void> {
  const resources = [...scope.resources];
  scope.resources.clear();
  for (const r of resources) {
    try {
      r.interrupt(reason);
    } catch {
      // Disposal below frees it anyway.
    }
  }
  await disposeEach(resources);
}

/** A cell starts: what its previous run created is disposed of first. */
export async function beginCell(cellId: string | undefined): Promise<void> {
  (globalThis as Globals)[CELL_ID_KEY] = cellId;
  if (cellId === undefined) return;
  const stale = [...state().owners].filter(([, owner]) => owner === cellId).map(([r]) => r);
  await disposeEach(stale);
}

/** The stop button: every running task is cancelled. */
export function interruptAll(reason: Error): void {
  for (const resource of [...state().owners.keys()]) {
    try {
      resource.interrupt(reason);
    } catch {
      // One resource failing to stop must not keep the others running.
    }
  }
}

export async function disposeAll(): Promise<void> {
  await disposeEach([...state().owners.keys()]);
}

async function disposeEach(resources: Resource[]): Promise<void> {
  const { owners } = state();
  for (const r of resources) owners.delete(r);
  await Promise.allSettled(resources.map((r) => r.dispose()));
}

/** How many resources are alive: for tests and for the kernel's log. */
export function liveResources(): number {
  return state().owners.size;
}

/** Output still on its way (a plot being rendered); the kernel waits for it before it replies. */
export function track<T>(promise: Promise<T>): Promise<T> {
  const { pending } = state();
  pending.add(promise);
  const forget = () => pending.delete(promise);
  promise.then(forget, forget);
  return promise;
}

export async function settle(): Promise<void> {
  const { pending } = state();
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
