// Tests that need each optional package, run by test/helpers/optional.test.ts in a child `node --test`
// with packages hidden (CONCURRENCE_TEST_HIDE): not a *.test.ts file, so `npm test` does not run it alone.
import assert from "node:assert/strict";
import { test } from "node:test";
import { skipWithoutHeadlessgl } from "../gpu/setup.js";
import { chromiumPath } from "../browser/chromium.js";
import { CHROMIUM, POPPLER, skipWithout } from "./optional.js";

test("needs chromium", (t) => {
  if (skipWithout(t, CHROMIUM)) return;
  assert.ok(chromiumPath());
});

test("needs pdftotext", (t) => {
  if (skipWithout(t, CHROMIUM, POPPLER)) return;
});

test("needs headless-gl", async (t) => {
  if (await skipWithoutHeadlessgl(t)) return;
});
