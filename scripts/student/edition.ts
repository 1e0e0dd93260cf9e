// The student edition of one notebook: solutions replaced by a placeholder, outputs cleared.
// Solution regions follow nbgrader: lines between `// BEGIN SOLUTION` and `// END SOLUTION`.
// Inside a region, a line `// élève : <code>` is the smallest code that keeps the cell
// type-checking (e.g. `return [];`); the student edition keeps it, uncommented.
import { language } from "../../src/messages/index.js";

export interface NotebookJson {
  cells: CellJson[];
  [key: string]: unknown;
}
export interface CellJson {
  cell_type: string;
  source: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
  [key: string]: unknown;
}

export const BEGIN = /^(\s*)\/\/\s*BEGIN SOLUTION\b/;
export const END = /^\s*\/\/\s*END SOLUTION\b/;
const STUB = /^\s*\/\/\s*élève\s*:\s?(.*)$/;
export const PLACEHOLDER = "// À vous : écrivez votre solution ici (voir l'énoncé ci-dessus).";

const MESSAGES = {
  fr: {
    unclosed: (cell: number) => `cellule ${cell} : « // BEGIN SOLUTION » sans « // END SOLUTION » ; fermez la région de solution.`,
    stray: (cell: number) => `cellule ${cell} : « // END SOLUTION » sans « // BEGIN SOLUTION » avant ; ouvrez la région ou retirez cette ligne.`,
  },
  en: {
    unclosed: (cell: number) => `cell ${cell}: \`// BEGIN SOLUTION\` without \`// END SOLUTION\`; close the solution region.`,
    stray: (cell: number) => `cell ${cell}: \`// END SOLUTION\` without a \`// BEGIN SOLUTION\` before it; open the region or remove the line.`,
  },
};
const messages = () => MESSAGES[language()];

/** A cell's source as lines that keep their "\n", as nbformat stores them. */
export function lines(source: string | string[]): string[] {
  const text = Array.isArray(source) ? source.join("") : source;
  return text.split(/(?<=\n)/).filter((l) => l.length > 0);
}

/** One cell's source with each solution region replaced; `cell` numbers the error messages. */
export function stripSolutions(source: string[], cell: number): string[] {
  const out: string[] = [];
  let region: { indent: string; stubs: string[] } | undefined;
  for (const line of source) {
    const begin = BEGIN.exec(line);
    if (begin) {
      if (region) throw new Error(messages().unclosed(cell));
      region = { indent: begin[1], stubs: [] };
    } else if (END.test(line)) {
      if (!region) throw new Error(messages().stray(cell));
      const { indent, stubs } = region;
      const newline = line.endsWith("\n") ? "\n" : "";
      const body = [PLACEHOLDER, ...stubs].map((l) => indent + l);
      out.push(...body.map((l, i) => (i < body.length - 1 ? `${l}\n` : l + newline)));
      region = undefined;
    } else if (region) {
      const stub = STUB.exec(line.replace(/\r?\n$/, ""));
      if (stub) region.stubs.push(stub[1].trimEnd());
    } else {
      out.push(line);
    }
  }
  if (region) throw new Error(messages().unclosed(cell));
  return out;
}

/** Whether a cell holds a solution region. */
export const hasSolution = (cell: CellJson) => lines(cell.source).some((l) => BEGIN.test(l));

/** The student edition of a notebook: a new object, the teacher's is left as it was. */
export function studentNotebook(nb: NotebookJson): NotebookJson {
  const cells = nb.cells.map((cell, index) => {
    if (cell.cell_type !== "code") return cell;
    return { ...cell, execution_count: null, outputs: [], source: stripSolutions(lines(cell.source), index + 1) };
  });
  return { ...nb, cells };
}

/** Notebooks are written as Python's json.dumps(nb, indent=1, ensure_ascii=False) + "\n". */
export const serialize = (nb: NotebookJson) => `${JSON.stringify(nb, null, 1)}\n`;
