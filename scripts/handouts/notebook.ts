// Notebook JSON, read and written the way the project stores notebooks.
import { readFileSync } from "node:fs";

export interface Cell {
  cell_type: "code" | "markdown" | "raw";
  id?: string;
  metadata: Record<string, unknown> & { tags?: string[] };
  source: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
}

export interface Notebook {
  cells: Cell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

export function readNotebook(file: string): Notebook {
  return JSON.parse(readFileSync(file, "utf8")) as Notebook;
}

/** The text of a notebook as the project writes it: `json.dumps(nb, indent=1, ensure_ascii=False) + "\n"`. */
export function notebookText(nb: Notebook): string {
  return `${JSON.stringify(nb, null, 1)}\n`;
}

export function cellSource(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** A source as nbformat stores it: lines that keep their "\n", the last one without. */
export function sourceLines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

export const hasTag = (cell: Cell, tag: string) => (cell.metadata.tags ?? []).includes(tag);
