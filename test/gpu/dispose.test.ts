// A Gpu owns a WebGL context: re-running its cell must give it back, every time.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { BackendUnavailableError, ConcurrenceError, Gpu, randomMatrix } from "../../src/index.js";
import { openContexts } from "../../src/gpu/gl.js";
import { beginCell, liveResources } from "../../src/runtime/registry.js";
import { skipWithoutHeadlessgl } from "./setup.js";

test("re-running a cell destroys its Gpu, its kernels and its WebGL context", async (t) => {
  if (await skipWithoutHeadlessgl(t)) return;
  const before = { contexts: openContexts(), resources: liveResources() };
  let previous: Gpu | undefined;
  for (let run = 0; run < 5; run++) {
    await beginCell("gpu-cell"); // what the kernel does before each run of the cell
    if (previous) assert.ok(previous.disposed, "the previous run's Gpu was disposed");
    previous = new Gpu({ mode: "headlessgl" });
    previous.matmul(randomMatrix(32), randomMatrix(32));
    previous.mandelbrot({ width: 32, height: 32, maxIterations: 10 });
    assert.equal(openContexts(), before.contexts + 1, `run ${run}: one context, however many runs`);
    assert.equal(liveResources(), before.resources + 1);
  }
  await beginCell("another-cell");
  await beginCell("gpu-cell");
  assert.equal(openContexts(), before.contexts);
  assert.equal(liveResources(), before.resources);
  assert.throws(() => previous!.matmul([[1]], [[1]]), (error: unknown) => error instanceof ConcurrenceError && /a été libéré/.test((error as Error).message));
  await previous!.dispose(); // twice is fine
});

test("asking for headless-gl without an X display fails with the reason and the fix", () => {
  const index = JSON.stringify(path.join(__dirname, "..", "..", "src", "index.js"));
  const script = `try { new (require(${index}).Gpu)({ mode: "headlessgl" }) } catch (e) { console.log(JSON.stringify([e.name, e.message])) }`;
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.CONCURRENCE_LANG; // French, the default
  const [name, message] = JSON.parse(execFileSync(process.execPath, ["-e", script], { env, encoding: "utf8" })) as string[];
  assert.equal(name, BackendUnavailableError.name);
  assert.match(message, /^le backend headlessgl ne peut pas fonctionner ici : .*(xvfb-run|npm rebuild gl)/);
});
