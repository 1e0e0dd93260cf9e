// kernel/names.ts without a kernel: the names a cell's JavaScript binds, pending names that
// become values when assigned, and the line a failed cell stopped at.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cellCode, failedLine, Namespace } from "../../kernel/names.js";

const JS = [
  'Object.defineProperty(exports, "__esModule", { value: true });',
  "exports.z = exports.n = exports.cpuCount = void 0;",
  "exports.tsLastExpr = void 0;",
  "const n = 1;",
  "exports.n = n;",
  "//# sourceURL=concurrence-cell-7.js",
].join("\n");

test("cellCode takes TypeScript's `exports.x = void 0` prologue out and lists its names and the cell's count", () => {
  const code = cellCode(JS);
  assert.deepEqual(code.names, ["z", "n", "cpuCount", "tsLastExpr"]);
  assert.equal(code.count, 7);
  assert.doesNotMatch(code.js, /void 0/);
  assert.match(code.js, /exports\.n = n;/);
  assert.equal(cellCode("exports.a = 1;").count, undefined, "a cell without its sourceURL has no count");
});

test("a pending name reads as an error naming the cell and line; assigning it, or a success, makes it a value", () => {
  process.env.CONCURRENCE_LANG = "en";
  const space = new Namespace();
  const pending = space.begin(cellCode(JS), "tsLastExpr");
  assert.deepEqual(pending.names, ["z", "n", "cpuCount"]);
  space.exports.n = 1; // what the cell's code does
  Object.defineProperty(space.exports, "cpuCount", { enumerable: true, get: () => 42 }); // a named import
  space.failed(pending, new Error("no stack line of this cell"));
  assert.equal(space.exports.n, 1);
  assert.equal(space.exports.cpuCount, 42);
  assert.throws(() => space.exports.z, { name: "ReferenceError", message: /^'z' has no value: cell In\[7\] failed before reaching its definition/ });
  assert.deepEqual(Object.keys(space.exports).sort(), ["cpuCount", "n"], "a pending name is not enumerated");
  space.exports.z = "again";
  assert.equal(space.exports.z, "again");
  const next = space.begin({ js: "", names: ["w"] });
  space.succeeded(next);
  assert.equal(space.exports.w, undefined);
  assert.ok(Object.keys(space.exports).includes("w"));
});

test("failedLine is the cell's outermost frame in this cell, and undefined without one", () => {
  assert.equal(failedLine(new Error("x"), 3), undefined, "no frame of concurrence-cell-3.js");
  assert.equal(failedLine("thrown string", 3), undefined);
  assert.equal(failedLine(new Error("x"), undefined), undefined);
});
