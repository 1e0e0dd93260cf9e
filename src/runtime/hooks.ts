import { displayBundle } from "../display/bundle.js";
import { functionOrigin } from "../task/origins.js";
import { beginCell, disposeAll, interruptAll, settle } from "./registry.js";

/**
 * What the kernel (kernel/) calls into, found on `globalThis` so that the kernel needs
 * no import of the library: the library is loaded by the notebook's first cell.
 */
export interface KernelHooks {
  beginCell(cellId: string | undefined): Promise<void>;
  settle(): Promise<void>;
  interrupt(reason: Error): void;
  shutdown(): Promise<void>;
  /** A rich bundle for a cell's last value, or undefined for plain text. */
  bundleFor(value: unknown): Promise<Record<string, unknown> | undefined>;
  /** Where a worker's stack frame lies in the function a cell sent (see task/origins.ts). */
  functionOrigin(file: string, line: number, column: number): { text: string; offset: number } | undefined;
}

export const HOOKS_KEY = Symbol.for("concurrence.kernel-hooks");

export function installHooks(): void {
  const hooks: KernelHooks = {
    beginCell,
    settle,
    interrupt: interruptAll,
    shutdown: disposeAll,
    bundleFor: displayBundle,
    functionOrigin,
  };
  (globalThis as Record<symbol, unknown>)[HOOKS_KEY] = hooks;
}
