// What the variables panel shows of a library object: a pool its counters, a lock whether it is
// held. Installed on the main thread's globalThis; the debugger's thread calls it on a value
// (Runtime.callFunctionOn), even while the cell is paused. Only side-effect-free methods are read.
import { messages } from "../../src/messages/index.js";

export const VIEW_KEY = "concurrence.debug-view";

interface PoolLike {
  stats(): Record<string, unknown>;
  map: unknown;
}
interface LockLike {
  locked(): boolean;
}

/** A one-line view of a library object, or undefined for any other value. */
export function libraryView(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const name = (value as { constructor?: { name?: string } }).constructor?.name ?? "Object";
  try {
    if (typeof (value as PoolLike).stats === "function" && typeof (value as PoolLike).map === "function") {
      const stats = (value as PoolLike).stats();
      const shown = Object.entries(stats).filter(([, v]) => typeof v === "number" || typeof v === "boolean");
      return `${name} { ${shown.map(([k, v]) => `${k}: ${String(v)}`).join(", ")} }`;
    }
    if (typeof (value as LockLike).locked === "function") {
      const text = messages().debugger;
      return `${name} (${(value as LockLike).locked() ? text.lockHeld : text.lockFree})`;
    }
  } catch {
    return undefined; // a closed pool may refuse: the plain description then
  }
  return undefined;
}

export function installView(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(VIEW_KEY)] = libraryView;
}

/** The function the debugger's thread calls on an object (its `this`). */
export const VIEW_CALL = `function () { const view = globalThis[Symbol.for(${JSON.stringify(VIEW_KEY)})]; return view ? view(this) : undefined; }`;
