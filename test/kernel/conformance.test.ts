// The Jupyter project's conformance suite (jupyter_kernel_test, pinned in requirements.txt)
// against our kernel: every test runs, with a sample for each, and none is skipped.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { NOTEBOOKS, PROJECT_ROOT, venvBin } from "../../scripts/paths.js";

interface Summary {
  tests: string[];
  run: number;
  failures: Array<[string, string]>;
  errors: Array<[string, string]>;
  skipped: Array<[string, string]>;
}

function runSuite(): Promise<{ summary: Summary; log: string }> {
  const script = path.join(PROJECT_ROOT, "test", "kernel", "conformance.py");
  return new Promise((resolve, reject) => {
    // From notebooks/, where the kernel resolves `concurrence` as a notebook does.
    execFile(venvBin("python"), [script], { cwd: NOTEBOOKS, timeout: 10 * 60_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const last = stdout.trim().split("\n").at(-1) ?? "";
      try {
        resolve({ summary: JSON.parse(last) as Summary, log: stderr });
      } catch {
        reject(new Error(`the conformance suite gave no summary (${error?.message ?? "no error"}):\n${stdout}\n${stderr}`));
      }
    });
  });
}

test("jupyter_kernel_test passes with no test skipped", { timeout: 12 * 60_000 }, async () => {
  const { summary, log } = await runSuite();
  const problems = [...summary.failures, ...summary.errors].map(([name, trace]) => `${name}\n${trace}`).join("\n");
  assert.equal(problems, "", `the conformance suite failed:\n${log}`);
  assert.deepEqual(summary.skipped, [], "a sample is missing, or a feature unsupported");
  // Every test of KernelTests ran: a new one in a later version would show here.
  assert.deepEqual(summary.tests, [
    "test_clear_output",
    "test_completion",
    "test_display_data",
    "test_error",
    "test_execute_result",
    "test_execute_stderr",
    "test_execute_stdout",
    "test_history",
    "test_inspect",
    "test_is_complete",
    "test_kernel_info",
    "test_pager",
  ]);
  assert.equal(summary.run, summary.tests.length);
});
