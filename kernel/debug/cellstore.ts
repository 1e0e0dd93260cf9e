// The cells the main thread compiled, kept on the debugger's thread: their hashed file names
// (JupyterLab's), and their line mappings, built only when the debugger needs them.
import type { Cell } from "../cells.js";
import type { CellLines } from "./lines.js";
import { cellPath } from "./murmur.js";

/** As cells.ts: older cells are forgotten. */
const KEPT = 500;

export class CellStore {
  readonly #cells = new Map<number, { cell: Cell; path: string; lines?: CellLines }>();

  add(cell: Cell): void {
    this.#cells.set(cell.count, { cell, path: cellPath(cell.code) });
    this.#cells.delete(cell.count - KEPT);
  }

  /** The cell a script URL names (`concurrence-cell-N.js`). */
  byUrl(url: string | undefined): { cell: Cell; path: string; lines: CellLines } | undefined {
    const count = /^concurrence-cell-(\d+)\.js$/.exec(url ?? "")?.[1];
    return count === undefined ? undefined : this.get(Number(count));
  }

  get(count: number): { cell: Cell; path: string; lines: CellLines } | undefined {
    const entry = this.#cells.get(count);
    if (!entry) return undefined;
    // Loaded on first use: the mapping needs TypeScript's scanner, a large module.
    entry.lines ??= new (require("./lines.js") as typeof import("./lines.js")).CellLines(entry.cell);
    return entry as { cell: Cell; path: string; lines: CellLines };
  }

  /** The counts of the cells whose code has this file name, newest first. */
  countsOf(path: string): number[] {
    return [...this.#cells.values()].filter((e) => e.path === path).map((e) => e.cell.count).sort((a, b) => b - a);
  }

  /** The code of a dumped or executed cell, by file name. */
  codeOf(path: string): string | undefined {
    for (const entry of this.#cells.values()) if (entry.path === path) return entry.cell.code;
    return undefined;
  }
}
