// JupyterLab's breakpoints, by cell file name and TypeScript line, made V8 breakpoints on every
// compiled run of that cell's code: those already run (a function they defined may be called
// later) and each new run, before its code starts (the main thread waits for it: see thread.ts).
import type { CellStore } from "./cellstore.js";
import type { Engine } from "./engine.js";

export interface SourceBreakpoint {
  line: number;
  condition?: string;
}

/** At most this many runs of one cell get its breakpoints (the newest). */
const RUNS = 20;

export class Breakpoints {
  /** What JupyterLab asked for, by file name: debugInfo gives it back after a page reload. */
  readonly requested = new Map<string, SourceBreakpoint[]>();
  /** V8's breakpoint ids, by file name. */
  readonly #placed = new Map<string, string[]>();

  constructor(
    readonly engine: Engine,
    readonly cells: CellStore,
  ) {}

  /** DAP's setBreakpoints: replaces the breakpoints of one source; answers them at the lines they took. */
  async set(path: string, wanted: SourceBreakpoint[]): Promise<Array<{ verified: boolean; line: number; source: { path: string } }>> {
    for (const id of this.#placed.get(path) ?? []) await this.engine.post("Debugger.removeBreakpoint", { breakpointId: id }).catch(() => {});
    this.#placed.delete(path);
    if (wanted.length === 0) this.requested.delete(path);
    else this.requested.set(path, wanted);
    const counts = this.cells.countsOf(path).slice(0, RUNS);
    for (const count of counts) await this.place(count);
    const newest = counts.length > 0 ? this.cells.get(counts[0]) : undefined;
    return wanted.map((b) => {
      const line = newest ? newest.lines.scriptLocation(b.line)?.line : b.line;
      return { verified: line !== undefined, line: line ?? b.line, source: { path } };
    });
  }

  /** Puts the breakpoints of its code on a run of a cell. */
  async place(count: number): Promise<void> {
    const entry = this.cells.get(count);
    const wanted = entry && this.requested.get(entry.path);
    if (!entry || !wanted || !this.engine.enabled) return;
    const ids = this.#placed.get(entry.path) ?? [];
    this.#placed.set(entry.path, ids);
    for (const b of wanted) {
      const at = entry.lines.scriptLocation(b.line);
      if (!at) continue;
      // Two lines without code of their own (a type, a blank line) share the next one's place: V8 refuses the second.
      const placed = await this.engine
        .post<{ breakpointId: string }>("Debugger.setBreakpointByUrl", {
          url: `concurrence-cell-${count}.js`,
          lineNumber: at.lineNumber,
          columnNumber: at.columnNumber,
          ...(b.condition ? { condition: b.condition } : {}),
        })
        .catch(() => undefined);
      if (placed) ids.push(placed.breakpointId);
    }
  }

  get any(): boolean {
    return this.requested.size > 0;
  }

  /** The debugger stops: V8 forgets them with `Debugger.disable`. */
  clear(): void {
    this.requested.clear();
    this.#placed.clear();
  }

  /** debugInfo's list. */
  list(): Array<{ source: string; breakpoints: SourceBreakpoint[] }> {
    return [...this.requested].map(([source, breakpoints]) => ({ source, breakpoints }));
  }
}
