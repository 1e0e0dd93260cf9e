// interact outside a kernel: each change cancels the running call, and stops the tasks it started.
import assert from "node:assert/strict";
import { test } from "node:test";
import { interact, slider, TaskCancelledError, ThreadPool } from "../../src/index.js";
import { captureDisplays } from "../helpers/capture.js";

test("a change aborts the running call, stops its pool's tasks, and runs fn with the new value", { timeout: 60_000 }, async () => {
  const displays = captureDisplays();
  const workers = slider({ min: 1, max: 4, value: 1 });
  const calls: Array<{ workers: number; outcome: string }> = [];
  let started!: () => void;
  const firstStarted = new Promise<void>((resolve) => (started = resolve));
  const ui = interact({ workers }, async (values, { signal }) => {
    const pool = new ThreadPool({ workers: 1 });
    try {
      if (values.workers === 1) {
        started();
        // A task that never ends: only cancelling the call ends it.
        await pool.submit(() => {
          for (;;);
        });
      }
      calls.push({ workers: values.workers, outcome: "done" });
      return `${values.workers} workers`;
    } catch (error) {
      calls.push({ workers: values.workers, outcome: error instanceof TaskCancelledError ? "cancelled" : String(error) });
      assert.ok(signal.aborted, "the call's signal is aborted too");
      throw error;
    } finally {
      await pool.close();
    }
  });
  try {
    await firstStarted;
    await new Promise((r) => setTimeout(r, 200));
    workers.value = 3;
    for (let i = 0; i < 400 && displays.sent.length < 3; i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(calls, [
      { workers: 1, outcome: "cancelled" },
      { workers: 3, outcome: "done" },
    ]);
    assert.deepEqual(ui.values, { workers: 3 });
    // The controls, then one output that the second call updates in place; the cancelled call shows nothing.
    const [controls, output, result] = displays.sent;
    assert.match(String(controls.data["text/plain"]), /^VBox\(IntSlider\(1\)\)$/);
    assert.equal(output.transient.display_id, ui.displayId);
    assert.deepEqual([result.update, result.transient.display_id, result.data["text/plain"]], [true, ui.displayId, "'3 workers'"]);
    assert.equal(displays.sent.length, 3);
  } finally {
    ui.close();
    workers.close();
    displays.restore();
  }
});

test("interact checks its controls and function", () => {
  assert.throws(() => interact({}, () => 1), RangeError);
  assert.throws(() => interact({ n: 3 as never }, () => 1), TypeError);
  const s = slider();
  assert.throws(() => interact({ s }, "f" as never), TypeError);
  s.close();
});
