// The kernel's side of the bridge to the library (src/runtime/hooks.ts, src/display/bridge.ts).
// Both sides meet on globalThis: the library is loaded by a cell, long after the kernel starts.
import * as tslabJupyter from "tslab/dist/jupyter";

interface KernelHooks {
  beginCell(cellId: string | undefined): Promise<void>;
  settle(): Promise<void>;
  interrupt(reason: Error): void;
  shutdown(): Promise<void>;
  bundleFor(value: unknown): Promise<Record<string, unknown> | undefined>;
}

const HOOKS_KEY = Symbol.for("concurrence.kernel-hooks");
const WRITER_KEY = Symbol.for("concurrence.kernel-display");

export function kernelHooks(): KernelHooks | undefined {
  return (globalThis as Record<symbol, unknown>)[HOOKS_KEY] as KernelHooks | undefined;
}

type Writer = NonNullable<typeof tslabJupyter.lastWriteDisplayData>;

/** Displays of the library and of tslab's own `display` API both reach the running cell. */
export function setDisplayWriter(writer: Writer): void {
  (globalThis as Record<symbol, unknown>)[WRITER_KEY] = writer;
  (tslabJupyter as { lastWriteDisplayData: Writer }).lastWriteDisplayData = writer;
}
