// `--set name=value`, papermill's convention for TypeScript notebooks: the values go into a
// new cell tagged `injected-parameters`, right after the cell tagged `parameters`. Names and
// types are checked against the parameters cell by TypeScript before anything runs.
import path from "node:path";
import ts from "typescript";
import { HandoutError, messages } from "./messages.js";
import { cellSource, hasTag, sourceLines, type Cell, type Notebook } from "./notebook.js";

export interface Assignment {
  name: string;
  /** The value as TypeScript source, e.g. `3`, `"abc"`, `[1, 2]`. */
  value: string;
}

/** Parses `name=value` arguments. A bare word that is not a literal is a string, as in papermill. */
export function parseAssignments(args: readonly string[]): Assignment[] {
  return args.map((arg) => {
    const match = /^([A-Za-z_$][\w$]*)=(.*)$/s.exec(arg);
    if (!match) throw new HandoutError(messages.badSet(arg));
    const [, name, raw] = match;
    if (isLiteral(raw)) return { name, value: raw.trim() };
    if (/^[\p{L}\p{N}_.\-/:@+]+$/u.test(raw)) return { name, value: JSON.stringify(raw) };
    throw new HandoutError(messages.notLiteral(name, raw));
  });
}

function isLiteral(text: string): boolean {
  const file = ts.createSourceFile("value.ts", `(${text});`, ts.ScriptTarget.ES2022, true);
  const statement = file.statements[0];
  if (file.statements.length !== 1 || !statement || !ts.isExpressionStatement(statement)) return false;
  if ((file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length > 0) return false;
  const literal = (node: ts.Node): boolean => {
    if (ts.isParenthesizedExpression(node)) return literal(node.expression);
    if (ts.isNumericLiteral(node) || ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
    if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || node.kind === ts.SyntaxKind.NullKeyword) return true;
    if (ts.isPrefixUnaryExpression(node)) return node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand);
    if (ts.isArrayLiteralExpression(node)) return node.elements.every(literal);
    if (ts.isObjectLiteralExpression(node))
      return node.properties.every((p) => ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name) && literal(p.initializer));
    return false;
  };
  return literal(statement.expression);
}

export function parametersCellIndex(nb: Notebook): number {
  return nb.cells.findIndex((c) => hasTag(c, "parameters"));
}

/** The names the parameters cell declares at its top level, in order. */
export function declaredParameters(source: string): string[] {
  const file = ts.createSourceFile("parameters.ts", source, ts.ScriptTarget.ES2022, true);
  return file.statements.filter(ts.isVariableStatement).flatMap((s) =>
    s.declarationList.declarations.map((d) => d.name).filter(ts.isIdentifier).map((n) => n.text),
  );
}

export function notebookParameters(nb: Notebook): string[] {
  const index = parametersCellIndex(nb);
  return index < 0 ? [] : declaredParameters(cellSource(nb.cells[index]));
}

/**
 * Refuses names that no notebook declares, naming the real parameters, before anything runs.
 * `notebooks` maps a notebook's file name to its content.
 */
export function checkNames(assignments: readonly Assignment[], notebooks: ReadonlyMap<string, Notebook>): void {
  const known = new Set([...notebooks.values()].flatMap(notebookParameters));
  for (const { name } of assignments) {
    if (!known.has(name)) throw new HandoutError(messages.unknownParameter(name, [...known].join(", ") || "—"));
  }
}

/**
 * The widened type of each assigned parameter, after TypeScript has checked that each value
 * fits it: `const maxWorkers = 2 * cpuCount()` is a `number`, and `"abc"` does not fit.
 */
export function checkTypes(notebookFile: string, nb: Notebook, assignments: readonly Assignment[]): Map<string, string> {
  const source = cellSource(nb.cells[parametersCellIndex(nb)]);
  // `let` gives the widened types: `const n = 3` would only accept 3.
  const file = ts.createSourceFile("p.ts", source, ts.ScriptTarget.ES2022, true);
  let widened = source;
  for (const statement of [...file.statements].reverse()) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    const at = statement.declarationList.getStart(file);
    widened = `${widened.slice(0, at)}let  ${widened.slice(at + "const".length)}`;
  }
  const checked = `${widened}\n;${assignments.map((a) => `${a.name} = (${a.value});`).join("\n")}\nexport {};\n`;
  const injectedFrom = widened.length + 2;

  const virtual = path.join(path.dirname(path.resolve(notebookFile)), "__concurrence_parameters__.ts");
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: ["node"],
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    path.resolve(name) === virtual ? ts.createSourceFile(name, checked, language, true) : getSourceFile(name, language, ...rest);
  const program = ts.createProgram([virtual], options, host);
  const sourceFile = program.getSourceFile(virtual)!;
  const checker = program.getTypeChecker();

  const types = new Map<string, string>();
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (ts.isIdentifier(d.name)) types.set(d.name.text, checker.typeToString(checker.getTypeAtLocation(d.name)));
    }
  }
  const name = path.basename(notebookFile);
  for (const diagnostic of program.getSemanticDiagnostics(sourceFile)) {
    if (diagnostic.start === undefined || diagnostic.start < injectedFrom) continue;
    const line = checked.slice(0, diagnostic.start).split("\n").length - widened.split("\n").length - 1;
    const assignment = assignments[Math.max(0, Math.min(line, assignments.length - 1))];
    throw new HandoutError(messages.wrongType(assignment.name, assignment.value, types.get(assignment.name) ?? "?", name));
  }
  return types;
}

/**
 * A copy of `nb` with the values that apply to it in a cell tagged `injected-parameters`
 * after its parameters cell (replacing an earlier one), or undefined when none applies.
 */
export function injectParameters(notebookFile: string, nb: Notebook, assignments: readonly Assignment[]): { nb: Notebook; applied: Assignment[] } {
  const declared = new Set(notebookParameters(nb));
  const applied = assignments.filter((a) => declared.has(a.name));
  if (applied.length === 0) return { nb, applied };
  const types = checkTypes(notebookFile, nb, applied);
  // A written-out type keeps later cells' comparisons valid (`const n = 3` alone would be of type 3).
  const annotation = (name: string) => {
    const type = types.get(name);
    return type && !/import\(|\.\.\.|\bany\b/.test(type) ? `: ${type}` : "";
  };
  const text = [
    "// Paramètres injectés par `npm run handouts -- --set` : ils remplacent ceux de la cellule précédente.",
    ...applied.map((a) => `const ${a.name}${annotation(a.name)} = ${a.value};`),
  ].join("\n");
  const cell: Cell = { cell_type: "code", execution_count: null, id: "injected-parameters", metadata: { tags: ["injected-parameters"] }, outputs: [], source: sourceLines(text) };
  const cells = nb.cells.filter((c) => !hasTag(c, "injected-parameters"));
  cells.splice(parametersCellIndex({ ...nb, cells }) + 1, 0, cell);
  return { nb: { ...nb, cells }, applied };
}
