import assert from "node:assert/strict";
import { test } from "node:test";
import { clearOutput } from "../../src/index.js";
import { KERNEL_CLEAR_KEY } from "../../src/display/bridge.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

test("clearOutput asks the kernel to clear the cell, passing wait", (t) => {
  const calls: boolean[] = [];
  const g = globalThis as Record<symbol, unknown>;
  g[KERNEL_CLEAR_KEY] = (wait: boolean) => calls.push(wait);
  t.after(() => delete g[KERNEL_CLEAR_KEY]);
  assert.equal(clearOutput(), true);
  assert.equal(clearOutput({ wait: true }), true);
  assert.deepEqual(calls, [false, true]);
});

test("clearOutput outside the kernel clears nothing and says so", () => {
  assert.equal(clearOutput({ wait: true }), false);
});

test("clearOutput checks its options", () => {
  assert.throws(() => clearOutput({ wait: "yes" as unknown as boolean }), { name: "TypeError", message: "options.wait must be true or false, got `\"yes\"` (string)" });
  assert.throws(() => clearOutput(3 as unknown as object), { name: "TypeError", message: "options must be an object, got `3` (number)" });
});
