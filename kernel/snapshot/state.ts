// What the kernel's startup snapshot (entry.ts) leaves for the kernel: TypeScript with its
// declarations already parsed and bound, and how many files it handed back or had to parse.
import type * as TS from "typescript";

export interface SnapshotState {
  typescript: typeof TS;
  /** Declaration files taken from the snapshot, and those parsed afresh (new or changed since). */
  reused: number;
  parsed: number;
  reuse(fileName: string, text: string, options: TS.ScriptTarget | TS.CreateSourceFileOptions, setParentNodes?: boolean): TS.SourceFile | undefined;
}

/** The snapshot's state when the kernel started from it (kernel/snapshot/start.sh), else undefined. */
export function snapshotState(): SnapshotState | undefined {
  return (globalThis as Record<symbol, SnapshotState | undefined>)[Symbol.for("concurrence.kernel.snapshot")];
}
