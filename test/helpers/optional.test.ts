// Tests needing an optional system package are skipped without it, naming the package and its
// install command; CONCURRENCE_TEST_ALL=1 makes them fail instead. One Chromium lookup: $CHROMIUM
// when set (the tests hide Chromium with CHROMIUM=/nonexistent), else the known paths.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { findChromium } from "../../scripts/handouts/chromium.js";
import { CHROMIUM, missingPackages, POPPLER } from "./optional.js";

const FIXTURE = path.join(__dirname, "optional-fixture.js");
const SUMMARY = path.join(__dirname, "..", "optional.test.js");

function runTests(env: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, CHROMIUM: "/nonexistent/chromium", CONCURRENCE_TEST_HIDE: "poppler-utils,gl", ...env };
  delete childEnv.NODE_TEST_CONTEXT; // a child `node --test` of its own, with its own report
  const run = spawnSync(process.execPath, ["--test", "--test-reporter=spec", "--test-concurrency=1", FIXTURE, SUMMARY], { env: childEnv, encoding: "utf8", timeout: 120_000 });
  return { status: run.status, output: run.stdout + run.stderr };
}

test("the Chromium lookup honours CHROMIUM: a missing file means no Chromium, an executable one is taken", () => {
  const saved = process.env.CHROMIUM;
  try {
    process.env.CHROMIUM = "/nonexistent/chromium";
    assert.equal(findChromium(), undefined);
    assert.deepEqual(missingPackages([CHROMIUM]), [CHROMIUM]);
    process.env.CHROMIUM = process.execPath; // any executable file
    assert.equal(findChromium(), process.execPath);
    process.env.CHROMIUM = "";
    assert.equal(findChromium(), undefined, "set but empty hides it too");
  } finally {
    if (saved === undefined) delete process.env.CHROMIUM;
    else process.env.CHROMIUM = saved;
  }
});

test("CONCURRENCE_TEST_HIDE hides a package that is installed", () => {
  const saved = process.env.CONCURRENCE_TEST_HIDE;
  try {
    process.env.CONCURRENCE_TEST_HIDE = "poppler-utils";
    assert.deepEqual(missingPackages([POPPLER]), [POPPLER]);
  } finally {
    if (saved === undefined) delete process.env.CONCURRENCE_TEST_HIDE;
    else process.env.CONCURRENCE_TEST_HIDE = saved;
  }
});

test("without Chromium, pdftotext and gl, the tests that need them are skipped, each naming the install, and the summary lists them", { timeout: 150_000 }, () => {
  const run = runTests({ CONCURRENCE_TEST_ALL: "" });
  assert.equal(run.status, 0, run.output);
  assert.match(run.output, /needs chromium.*# chromium is missing .*install: apt-get install chromium/, run.output);
  assert.match(run.output, /needs pdftotext.*# chromium is missing .*; poppler-utils is missing .*install: apt-get install poppler-utils/, run.output);
  assert.match(run.output, /needs headless-gl.*# gl is missing .*npm rebuild gl/, run.output);
  assert.match(run.output, /optional system packages: tests were skipped: chromium is missing .*poppler-utils is missing .*gl is missing/, run.output);
  assert.match(run.output, /skipped 3/);
});

test("with CONCURRENCE_TEST_ALL=1, the same run fails, naming the missing packages", { timeout: 150_000 }, () => {
  const run = runTests({ CONCURRENCE_TEST_ALL: "1" });
  assert.notEqual(run.status, 0, run.output);
  assert.match(run.output, /CONCURRENCE_TEST_ALL=1 runs every test, but chromium is missing .*apt-get install chromium/, run.output);
  assert.match(run.output, /CONCURRENCE_TEST_ALL=1 runs every test, but .*poppler-utils is missing .*apt-get install poppler-utils/, run.output);
  assert.match(run.output, /fail 4/, "the three tests and the summary");
});
