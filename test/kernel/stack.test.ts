// A stack from a cell's JavaScript, shown at the cell's TypeScript lines: tslab's real converter,
// the kernel's cell table, and V8's own stack, without a kernel process.
import assert from "node:assert/strict";
import vm from "node:vm";
import { after, test } from "node:test";
import { createConverter } from "tslab/dist/converter";
import { Alignment } from "../../kernel/align.js";
import { beginCellSource, recordingConverter } from "../../kernel/cells.js";
import { formatStack } from "../../kernel/stack.js";

process.env.CONCURRENCE_LANG = "en";
const converter = recordingConverter(createConverter({ isJS: false, isBrowser: false }));
after(() => converter.close());

/** The traceback without the frames of this test and of Node, which the kernel's stack has not. */
function shown(error: Error): string[] {
  return formatStack(error).filter((line) => !/stack\.test\.js|node:|async_hooks/.test(line));
}

/** Compiles and runs `code` as cell `count`, as tslab's executor does; gives what it threw. */
function run(count: number, code: string): Error {
  beginCellSource(count, code);
  const { output, diagnostics } = converter.convert("", code);
  assert.deepEqual(diagnostics, []);
  try {
    (globalThis as Record<string, unknown>).__stackTestRequire = require;
    vm.runInThisContext(`(function(exports, require) { ${output}\n})({}, globalThis.__stackTestRequire)`);
  } catch (error) {
    return error as Error;
  }
  throw new Error("the cell did not throw");
}

test("types, blank lines and `exports.` glue do not shift the line: a multi-line cell maps exactly", () => {
  const code = [
    "interface Point {",
    "  x: number;",
    "  y: number;",
    "}",
    "",
    "const origin: Point = { x: 0, y: 0 };",
    "function norm(p: Point): number {",
    "  const squared: number = p.x ** 2 + p.y ** 2;",
    "  if (squared === 0) throw new RangeError(`zero: ${JSON.stringify(p)}`);",
    "  return Math.sqrt(squared);",
    "}",
    "",
    "const values = [3, 4].map((v: number) => v * 2);",
    "norm(origin);",
  ].join("\n");
  const lines = shown(run(7, code));
  assert.deepEqual(lines, [
    'RangeError: zero: {"x":0,"y":0}',
    "Cell In[7], line 9, in norm",
    "   9 |   if (squared === 0) throw new RangeError(`zero: ${JSON.stringify(p)}`);",
    `     | ${" ".repeat(27)}^`,
    "Cell In[7], line 14",
    "  14 | norm(origin);",
    "     | ^",
  ]);
});

test("a cause is shown below its error, and a frame outside any cell stays as it is", () => {
  const error = new Error("outer", { cause: run(8, "const f = (): never => {\n  throw new TypeError('inner');\n};\nf();") });
  error.stack = "Error: outer\n    at helper (/home/student/lib.js:3:9)\n    at Object.<anonymous> (/srv/concurrence/dist/src/pool/pool.js:1:1)";
  const lines = shown(error);
  assert.deepEqual(lines.slice(0, 3), ["Error: outer", "    at helper (/home/student/lib.js:3:9)", "Cause:"]);
  assert.deepEqual(lines.slice(3, 5), ["TypeError: inner", "Cell In[8], line 2, in f"]);
});

test("the alignment maps a JavaScript offset to the TypeScript token it came from", () => {
  const source = "const n: number = 1;\nlet total: Array<number> = [n];\nthrow new Error(String(total));";
  const js = "const n = 1;\nexports.n = n;\nlet total = [n];\nthrow new Error(String(total));";
  const alignment = new Alignment(js, source);
  assert.equal(alignment.sourceOffset(js.indexOf("new Error")), source.indexOf("new Error"));
  assert.equal(alignment.sourceOffset(js.indexOf("[n]")), source.indexOf("[n]"));
});
