// The kernel's side of the bridge to the library (src/runtime/hooks.ts, src/display/bridge.ts).
// Both sides meet on globalThis: the library is loaded by a cell, long after the kernel starts.
import * as tslabJupyter from "tslab/dist/jupyter";

interface KernelHooks {
  beginCell(cellId: string | undefined): Promise<void>;
  settle(): Promise<void>;
  interrupt(reason: Error): void;
  shutdown(): Promise<void>;
  bundleFor(value: unknown): Promise<Record<string, unknown> | undefined>;
  /** Absent in a library older than the kernel. */
  functionOrigin?(file: string, line: number, column: number): { text: string; offset: number } | undefined;
}

const HOOKS_KEY = Symbol.for("concurrence.kernel-hooks");
const WRITER_KEY = Symbol.for("concurrence.kernel-display");
const CLEAR_KEY = Symbol.for("concurrence.kernel-clear-output");
const CELL_ID_KEY = Symbol.for("concurrence.cell-id");

export function kernelHooks(): KernelHooks | undefined {
  return (globalThis as Record<symbol, unknown>)[HOOKS_KEY] as KernelHooks | undefined;
}

type Writer = NonNullable<typeof tslabJupyter.lastWriteDisplayData>;

/**
 * A cell starts: resources it creates from now on are its own (even if this cell is the one that
 * loads the library), and those of its previous run are disposed of.
 */
export async function beginCell(cellId: string | undefined): Promise<void> {
  (globalThis as Record<symbol, unknown>)[CELL_ID_KEY] = cellId;
  await kernelHooks()?.beginCell(cellId);
}

/**
 * Displays of the library and of tslab's own `display` API both reach the running cell,
 * and so does the library's clearOutput().
 */
export function setCellOutput(writer: Writer, clear: (wait: boolean) => void): void {
  (globalThis as Record<symbol, unknown>)[WRITER_KEY] = writer;
  (globalThis as Record<symbol, unknown>)[CLEAR_KEY] = clear;
  (tslabJupyter as { lastWriteDisplayData: Writer }).lastWriteDisplayData = writer;
}
