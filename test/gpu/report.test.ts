import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { gpuReport } from "../../src/index.js";
import { skipWithoutHeadlessgl } from "./setup.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

test("the report picks headless-gl when it can run, and names the renderer", async (t) => {
  if (await skipWithoutHeadlessgl(t)) return;
  const report = gpuReport();
  assert.equal(report.mode, "headlessgl", report.reason);
  assert.deepEqual(report.available, { headlessgl: true, webasm: true, cpu: true });
  assert.equal(report.headlessglProblem, null);
  assert.match(report.renderer ?? "", /\S/, "a renderer string");
  assert.notEqual(report.renderer, "ANGLE", "the renderer under ANGLE, not headless-gl's fixed answer");
  assert.equal(report.softwareRenderer, /llvmpipe|softpipe|swiftshader/i.test(report.renderer!));
  assert.match(report.reason, new RegExp(`X display ${report.display}`));
  assert.match(report.versions["gpu.js"], /^2\.24\./);
});

test("without an X display, the report says why and falls back to WebAssembly", () => {
  const script = `console.log(JSON.stringify(require(${JSON.stringify(path.join(__dirname, "..", "..", "src", "index.js"))}).gpuReport()))`;
  const env = { ...process.env };
  delete env.DISPLAY;
  const report = JSON.parse(execFileSync(process.execPath, ["-e", script], { env, encoding: "utf8" })) as ReturnType<typeof gpuReport>;
  assert.equal(report.mode, "webasm");
  assert.equal(report.available.headlessgl, false);
  assert.equal(report.renderer, null);
  assert.match(report.headlessglProblem ?? "", /DISPLAY is not set|not installed|did not load/);
  assert.match(report.reason, /WebAssembly/);
});
