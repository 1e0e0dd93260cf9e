// Every kernel, on every backend that runs here, against its CPU reference.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import {
  compare,
  elementwiseCpu,
  Gpu,
  mandelbrotCpu,
  mandelbrotImage,
  matmulCpu,
  randomMatrix,
  randomVector,
  type GpuMode,
  type KernelThis,
} from "../../src/index.js";
import { ELEMENTWISE_OPS } from "../../src/gpu/kernels.js";
import { skipWithoutHeadlessgl } from "./setup.js";

const gpus: Gpu[] = [];
after(() => Promise.all(gpus.map((g) => g.dispose())));

for (const mode of ["headlessgl", "webasm", "cpu"] as GpuMode[]) {
  test(`${mode}: kernels agree with the CPU reference`, async (t) => {
    if (mode === "headlessgl") {
      if (await skipWithoutHeadlessgl(t)) return;
    }
    const gpu = new Gpu({ mode });
    gpus.push(gpu);
    assert.equal(gpu.mode, mode);

    await t.test("matmul, square and rectangular", () => {
      for (const [m, k, n] of [[64, 64, 64], [3, 70, 5], [1, 8, 1], [33, 1, 17]]) {
        const a = randomMatrix(m, k, 1);
        const b = randomMatrix(k, n, 2);
        const c = gpu.matmul(a, b);
        assert.equal(c.length, m);
        assert.ok(c.every((row) => row.length === n));
        const comparison = compare(c, matmulCpu(a, b));
        assert.ok(comparison.ok, `${m}×${k}·${k}×${n}: ${JSON.stringify(comparison)}`);
      }
      assert.deepEqual(gpu.matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]]).map((r) => [...r]), [[19, 22], [43, 50]]);
    });

    await t.test("element-wise operations", () => {
      const a = randomVector(5000, 3);
      const b = randomVector(5000, 4).map((x) => x + 0.5);
      for (const op of ELEMENTWISE_OPS) {
        const comparison = compare(gpu.elementwise(op, a, b), elementwiseCpu(op, a, b));
        assert.ok(comparison.ok, `${op}: ${JSON.stringify(comparison)}`);
      }
      assert.deepEqual([...gpu.elementwise("max", [1, 5, 3], [4, 2, 6])], [4, 5, 6]);
    });

    await t.test("Mandelbrot: the same picture, but for a few pixels on the set's edge", () => {
      const options = { width: 160, height: 100, maxIterations: 80 };
      const result = gpu.mandelbrot(options);
      assert.equal(result.counts.length, 160 * 100);
      const reference = mandelbrotCpu(options);
      const { mismatches, total } = compare(result, reference, { rtol: 0, atol: 0 });
      assert.ok(mismatches / total < 0.005, `${mismatches} of ${total} pixels differ`);
      // The set (black) and its outside (coloured) are both there.
      const inside = result.counts.filter((c) => c === 80).length;
      assert.ok(inside > total * 0.1 && inside < total * 0.5, `${inside} pixels in the set`);
      const image = mandelbrotImage(result);
      assert.equal(image.data.length, 160 * 100 * 4);
    });

    await t.test("a kernel of your own, 1-D and 2-D", () => {
      const square = gpu.createKernel(function (this: KernelThis, v: number[]) {
        return v[this.thread.x] * v[this.thread.x];
      }, { output: [4] });
      assert.deepEqual([...(square([1, 2, 3, 4]) as Float32Array)], [1, 4, 9, 16]);
      const table = gpu.createKernel(function (this: KernelThis) {
        return this.thread.y * this.constants.base + this.thread.x;
      }, { output: [3, 2], constants: { base: 10 } });
      assert.deepEqual((table() as Float32Array[]).map((row) => [...row]), [[0, 1, 2], [10, 11, 12]]);
    });

    await t.test("kernels are compiled once per size, then reused", () => {
      const before = gpu.kernelCount;
      gpu.matmul(randomMatrix(64), randomMatrix(64));
      gpu.elementwise("add", randomVector(5000), randomVector(5000));
      assert.equal(gpu.kernelCount, before);
    });
  });
}
