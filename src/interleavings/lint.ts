// The rule of models, checked on a thread's source before it runs: what a thread remembers from
// one step to the next lives in `local`. A variable of the generator that is written, then read
// after a `yield`, holds state the explorer cannot see: two runs that differ only by it would be
// taken for the same state. Such a variable is refused with a message that names it.
// A variable whose value is the same in every run (`const other = 1 - me`) is fine.
import { analyze } from "eslint-scope";
import * as espree from "espree";

type Node = { type: string; range: [number, number]; [key: string]: unknown };
const FUNCTIONS = new Set(["FunctionExpression", "FunctionDeclaration", "ArrowFunctionExpression"]);
const LOOPS = new Set(["ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement", "DoWhileStatement"]);

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "parent") continue;
    for (const v of Array.isArray(value) ? value : [value]) if (v && typeof v === "object" && typeof (v as Node).type === "string") out.push(v as Node);
  }
  return out;
}

/** The generator's own yields and loops (not those of functions inside it). */
function ownParts(fn: Node): { yields: Node[]; loops: Node[] } {
  const yields: Node[] = [];
  const loops: Node[] = [];
  const walk = (node: Node) => {
    for (const child of children(node)) {
      if (FUNCTIONS.has(child.type)) continue;
      if (child.type === "YieldExpression") yields.push(child);
      if (LOOPS.has(child.type)) loops.push(child);
      walk(child);
    }
  };
  walk(fn);
  return { yields, loops: loops.filter((l) => yields.some((y) => inside(y, l))) };
}

const inside = (a: Node | { range: [number, number] }, b: Node) => a.range[0] >= b.range[0] && a.range[1] <= b.range[1];

/** Whether an expression reads a parameter (s, local) or resumes from a yield: its value may differ between runs. */
function dependsOnRun(expr: Node | null | undefined, params: Set<string>): boolean {
  if (!expr) return false;
  if (expr.type === "YieldExpression" || (expr.type === "Identifier" && params.has(expr.name as string))) return true;
  return children(expr).some((c) => !FUNCTIONS.has(c.type) && dependsOnRun(c, params));
}

function findGenerator(ast: Node): Node | undefined {
  if ((ast.type === "FunctionExpression" || ast.type === "FunctionDeclaration") && ast.generator) return ast;
  for (const c of children(ast)) {
    const found = findGenerator(c);
    if (found) return found;
  }
  return undefined;
}

export interface LintReport {
  /** Variables of the generator that carry state across a `yield`. */
  hidden: string[];
  /** Variables from outside the model that the thread writes (directly or through a field). */
  outside: string[];
}

/** The root name of `a.b[c].d`, if it is a plain name. */
function rootName(node: Node): string | undefined {
  let n = node;
  let field: Node | undefined;
  while (n.type === "MemberExpression") {
    field = n.property as Node;
    n = n.object as Node;
  }
  if (n.type !== "Identifier") return undefined;
  // tslab compiles a use of another cell's variable `k` to `exports.k`.
  if (n.name === "exports" && field?.type === "Identifier") return field.name as string;
  return n.name as string;
}

/** Names declared outside the generator that it assigns, or whose fields it assigns. */
function outsideWrites(fn: Node, declaredInside: Set<string>, params: Set<string>): string[] {
  const names = new Set<string>();
  const target = (node: Node | undefined) => {
    if (!node) return;
    const name = node.type === "Identifier" || node.type === "MemberExpression" ? rootName(node) : undefined;
    if (name !== undefined && !declaredInside.has(name) && !params.has(name) && name !== "undefined") names.add(name);
  };
  const walk = (node: Node) => {
    for (const child of children(node)) {
      if (child.type === "AssignmentExpression") target(child.left as Node);
      if (child.type === "UpdateExpression") target(child.argument as Node);
      walk(child);
    }
  };
  walk(fn);
  return [...names];
}

/** What in this generator function's source escapes the explorer: see LintReport. */
export function lintThread(text: string): LintReport {
  let ast: Node | undefined;
  for (const candidate of [`(${text})`, `({ ${text} })`]) {
    try {
      ast = espree.parse(candidate, { ecmaVersion: "latest", sourceType: "script", range: true }) as unknown as Node;
      break;
    } catch {
      // try the next way to read it
    }
  }
  const fn = ast && findGenerator(ast);
  if (!ast || !fn) return { hidden: [], outside: [] };
  const manager = analyze(ast as never, { ecmaVersion: 2022, sourceType: "script" });
  const top = manager.acquire(fn as never);
  if (!top) return { hidden: [], outside: [] };
  const params = new Set((fn.params as Node[]).filter((p) => p.type === "Identifier").map((p) => p.name as string));
  const { yields, loops } = ownParts(fn);
  const hidden: string[] = [];
  const declared = new Set<string>();
  // The generator's own scopes (its blocks and loops), and those of functions inside it.
  const scopes: [typeof top, boolean][] = [[top, true]];
  for (let k = 0; k < scopes.length; k++) {
    const [scope, own] = scopes[k];
    for (const child of scope.childScopes) scopes.push([child, own && child.type !== "function"]);
    for (const variable of scope.variables) declared.add(variable.name);
    if (!own) continue;
    for (const variable of scope.variables) {
      if (variable.defs.some((d) => d.type === "Parameter") || variable.name === "arguments") continue;
      const refs = variable.references;
      const writes = refs.filter((r) => r.isWrite());
      const reads = refs.filter((r) => r.isRead());
      const varies = writes.length > 1 || writes.some((w) => dependsOnRun(w.writeExpr as Node | null, params)) || writes.length === 0;
      if (!varies) continue;
      const at = (r: (typeof refs)[number]) => (r.identifier as unknown as Node).range;
      // A write takes effect once its value is computed: after the `yield` in `const ok = yield ...`.
      const done = (w: (typeof refs)[number]) => Math.max(at(w)[1], (w.writeExpr as unknown as Node | null)?.range[1] ?? 0);
      const across = reads.some((r) => writes.some((w) => yields.some((y) => done(w) <= y.range[0] && y.range[1] <= at(r)[0])));
      const decl = (variable.defs[0]?.name as unknown as Node | undefined)?.range;
      const looped = loops.some((l) => {
        const body = l.body as Node;
        return reads.some((r) => inside({ range: at(r) }, l)) && decl !== undefined && !inside({ range: decl }, body) && writes.length > 0;
      });
      if (across || looped) hidden.push(variable.name);
    }
  }
  return { hidden, outside: outsideWrites(fn, declared, params) };
}
