// Reading executed notebooks (nbformat 4) in tests.
export interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}
export interface Cell {
  cell_type: string;
  source: string | string[];
  metadata: { tags?: string[] };
  outputs?: Output[];
}
export interface Notebook {
  cells: Cell[];
  metadata: { kernelspec?: { name: string; display_name: string } };
}

export const VEGA_LITE = "application/vnd.vegalite.v5+json";
export const SVG = "image/svg+xml";

export const join = (text: string | string[] | undefined) => (Array.isArray(text) ? text.join("") : (text ?? ""));
export const sourceOf = (cell: Cell) => join(cell.source);
export const codeCells = (nb: Notebook) => nb.cells.filter((c) => c.cell_type === "code");
export const allOutputs = (nb: Notebook) => codeCells(nb).flatMap((c) => c.outputs ?? []);

/** The first code cell whose source contains `needle`. */
export function cellWith(nb: Notebook, needle: string): Cell {
  const cell = codeCells(nb).find((c) => sourceOf(c).includes(needle));
  if (!cell) throw new Error(`no code cell contains ${JSON.stringify(needle)}`);
  return cell;
}

export function streamText(cell: Cell, name = "stdout"): string {
  return (cell.outputs ?? [])
    .filter((o) => o.output_type === "stream" && o.name === name)
    .map((o) => join(o.text))
    .join("");
}

/** Rich outputs (display_data, execute_result) carrying `mime`. */
export function richOutputs(cells: Cell[], mime: string): Output[] {
  return cells
    .flatMap((c) => c.outputs ?? [])
    .filter((o) => (o.output_type === "display_data" || o.output_type === "execute_result") && o.data?.[mime] !== undefined);
}

export const mimeText = (output: Output, mime: string) => join(output.data?.[mime] as string | string[]);
