// What the kernel reads in a cell's source before running it: is it complete, and is it
// a help request (`ThreadPool?`, as in IPython) rather than code.
import * as ts from "@tslab/typescript-for-tslab";
import { isCompleteCode } from "tslab/dist/converter";
import { withEnglishDiagnostics } from "./locale.js";

export type Completeness = { status: "complete" } | { status: "incomplete"; indent: string } | { status: "invalid" };

/**
 * is_complete: tslab tells complete from incomplete code (more lines would finish it);
 * a syntax error that no further line can fix makes the code invalid.
 */
export function completeness(code: string): Completeness {
  const tslab = withEnglishDiagnostics(() => isCompleteCode(code)); // tslab reads "... expected." in the text
  if (!tslab.completed) return { status: "incomplete", indent: tslab.indent ?? "" };
  // Parsed as a module, as tslab compiles cells: top-level await and imports are fine.
  const file = ts.createSourceFile("cell.ts", `export {};\n${code}`, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const errors = (file as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics ?? [];
  return errors.length > 0 ? { status: "invalid" } : { status: "complete" };
}

const NAME = String.raw`[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*`;
const HELP = [new RegExp(String.raw`^\s*(${NAME})\s*\?\??\s*$`), new RegExp(String.raw`^\s*\?\??\s*(${NAME})\s*$`)];

/** The name in a help request `name?` or `?name` (never valid TypeScript), or undefined. */
export function helpTarget(code: string): string | undefined {
  for (const pattern of HELP) {
    const match = pattern.exec(code);
    if (match) return match[1].replace(/\s+/g, "");
  }
  return undefined;
}

/**
 * `{ name }` written as `{ name: name }`, which means the same. tslab rewrites a use of another
 * cell's variable `name` to `exports.name`, but misses the shorthand form, which then fails with
 * "name is not defined". Columns after an expansion on the same line shift in diagnostics.
 */
export function expandShorthands(code: string): string {
  const file = ts.createSourceFile("cell.ts", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isShorthandPropertyAssignment(node)) names.push(node.name);
    ts.forEachChild(node, visit);
  };
  visit(file);
  let expanded = code;
  for (const name of names.reverse()) {
    expanded = `${expanded.slice(0, name.end)}: ${name.text}${expanded.slice(name.end)}`;
  }
  return expanded;
}
