// Bad input gets an error that says what is wrong, before any kernel runs.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  assertClose,
  compare,
  elementwiseCpu,
  Gpu,
  mandelbrotCpu,
  mandelbrotImage,
  matmulCpu,
  randomMatrix,
  randomVector,
  ResultMismatchError,
} from "../../src/index.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

test("matrices of shapes that do not multiply are refused", () => {
  const gpu = new Gpu({ mode: "cpu" });
  try {
    for (const multiply of [gpu.matmul.bind(gpu), matmulCpu]) {
      assert.throws(() => multiply(randomMatrix(2, 3), randomMatrix(2, 3)), {
        name: "RangeError",
        message: "cannot multiply a 2×3 matrix by a 2×3 one: a's columns (3) must equal b's rows (2)",
      });
      assert.throws(() => multiply([[1, 2], [3]], [[1], [2]]), {
        name: "RangeError",
        message: "a must have rows of equal length: a[0] has 2 numbers, a[1] has 1",
      });
      assert.throws(() => multiply([], [[1]]), { name: "TypeError", message: /^a must be a matrix: a non-empty array of rows/ });
      assert.throws(() => multiply([1, 2] as never, [[1]]), { name: "TypeError", message: /got `1,2` \(object\)/ });
      assert.throws(() => multiply([[1, "2"]] as never, [[1], [2]]), { name: "TypeError", message: 'a[0][1] must be a number, got `"2"` (string)' });
      assert.throws(() => multiply([[1]], "b" as never), { name: "TypeError", message: /^b must be a matrix/ });
    }
  } finally {
    void gpu.dispose();
  }
});

test("element-wise operations check the operation and the lengths", () => {
  const gpu = new Gpu({ mode: "cpu" });
  try {
    for (const elementwise of [gpu.elementwise.bind(gpu), elementwiseCpu]) {
      assert.throws(() => elementwise("pow" as never, [1], [2]), {
        name: "RangeError",
        message: 'op must be one of add, subtract, multiply, divide, min, max, got "pow"',
      });
      assert.throws(() => elementwise(1 as never, [1], [2]), TypeError);
      assert.throws(() => elementwise("add", [1, 2], [1, 2, 3]), { name: "RangeError", message: "a and b must have the same length, got 2 and 3" });
      assert.throws(() => elementwise("add", [], []), { name: "RangeError", message: "a must not be empty" });
      assert.throws(() => elementwise("add", "12" as never, [1, 2]), { name: "TypeError", message: /^a must be an array of numbers/ });
    }
  } finally {
    void gpu.dispose();
  }
});

test("Mandelbrot options are checked", () => {
  assert.throws(() => mandelbrotCpu({ width: 0 }), { name: "RangeError", message: "options.width must be a positive integer, got `0` (number)" });
  assert.throws(() => mandelbrotCpu({ height: 1.5 }), RangeError);
  assert.throws(() => mandelbrotCpu({ maxIterations: "10" as never }), TypeError);
  assert.throws(() => mandelbrotCpu({ zoom: -1 }), { name: "RangeError", message: "options.zoom must be a number > 0, got `-1` (number)" });
  assert.throws(() => mandelbrotCpu({ center: [0] as never }), { name: "TypeError", message: /^options.center must be \[re, im\]/ });
  assert.throws(() => mandelbrotImage({ width: 2, height: 2 } as never), TypeError);
  const gpu = new Gpu({ mode: "cpu" });
  assert.throws(() => gpu.createKernel("x" as never, { output: [1] }), TypeError);
  assert.throws(() => gpu.createKernel(() => 1, { output: [] }), { name: "TypeError", message: /^settings.output must be an array of 1 to 3 sizes/ });
  assert.throws(() => gpu.createKernel(() => 1, { output: [4, 0] }), { name: "RangeError", message: "settings.output[1] must be a positive integer, got `0` (number)" });
  void gpu.dispose();
  assert.throws(() => new Gpu({ mode: "cuda" as never }), { name: "RangeError", message: 'options.mode must be one of auto, headlessgl, webasm, cpu, got `"cuda"` (string)' });
});

test("compare counts values out of tolerance; assertClose throws a ResultMismatchError", () => {
  const expected = [1, 2, 3, 1000];
  const close = compare([1, 2, 3, 1000.05], expected); // 5e-5 relative: within the default 1e-4
  assert.equal(close.total, 4);
  assert.equal(close.mismatches, 0);
  assert.equal(close.ok, true);
  const off = compare([1, 2.1, 3, 1000], expected);
  assert.equal(off.mismatches, 1);
  assert.equal(off.ok, false);
  assert.ok(Math.abs(off.maxAbsError - 0.1) < 1e-12);
  assert.throws(() => assertClose([[1, 2.1]], [[1, 2]]), (error: unknown) => {
    assert.ok(error instanceof ResultMismatchError);
    assert.equal(error.mismatches, 1);
    assert.match(error.message, /^1 of 2 values differ from the reference beyond the tolerance/);
    return true;
  });
  assert.throws(() => compare([1, 2], [1, 2, 3]), RangeError);
  assert.throws(() => compare([1], [1], { rtol: -1 }), RangeError);
});

test("random matrices and vectors are reproducible from their seed", () => {
  assert.deepEqual(randomMatrix(3, 2, 7), randomMatrix(3, 2, 7));
  assert.notDeepEqual(randomVector(10, 1), randomVector(10, 2));
  assert.ok(randomVector(1000).every((x) => x >= 0 && x < 1));
  assert.throws(() => randomMatrix(0), RangeError);
});
