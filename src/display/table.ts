import { publish, type MimeBundle } from "./bridge.js";
import { messages } from "../messages/index.js";

export type Row = Record<string, unknown>;

export interface TableOptions {
  /** Columns in order. @default every key, in the order met */
  columns?: string[];
  /** Digits after the decimal point for non-integer numbers. @default 3 */
  digits?: number;
  caption?: string;
}

/** A non-empty array of plain objects. */
export function isTableRows(value: unknown): value is Row[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((r) => typeof r === "object" && r !== null && !Array.isArray(r) && Object.getPrototypeOf(r) === Object.prototype)
  );
}

function columnsOf(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

function cell(value: unknown, digits: number): string {
  if (typeof value === "number" && !Number.isInteger(value)) return value.toFixed(digits);
  if (value === undefined || value === null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

export function tableBundle(rows: readonly Row[], options: TableOptions = {}): MimeBundle {
  const columns = options.columns ?? columnsOf(rows);
  const digits = options.digits ?? 3;
  const body = rows.map((r) => columns.map((c) => cell(r[c], digits)));
  const numeric = columns.map((c) => rows.every((r) => typeof r[c] === "number" || r[c] == null));

  const widths = columns.map((c, i) => Math.max(c.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells.map((t, i) => (numeric[i] ? t.padStart(widths[i]) : t.padEnd(widths[i]))).join("  ").trimEnd();
  const plain = [
    ...(options.caption ? [options.caption] : []),
    line(columns),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...body.map(line),
  ].join("\n");

  const align = (i: number) => ` style="text-align:${numeric[i] ? "right" : "left"}"`;
  const html =
    `<table class="concurrence-table">` +
    (options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : "") +
    `<thead><tr>${columns.map((c, i) => `<th${align(i)}>${escapeHtml(c)}</th>`).join("")}</tr></thead>` +
    `<tbody>${body.map((b) => `<tr>${b.map((t, i) => `<td${align(i)}>${escapeHtml(t)}</td>`).join("")}</tr>`).join("")}</tbody>` +
    `</table>`;
  return { "text/html": html, "text/plain": plain };
}

/** Displays rows as a table: HTML in JupyterLab and handouts, aligned text elsewhere. */
export function table(rows: readonly Row[], options: TableOptions = {}): void {
  if (!Array.isArray(rows)) throw new TypeError(messages().display.rows(typeof rows));
  publish(tableBundle(rows, options));
}
