// The last file of `npm test`: which optional system packages were missing, so which tests were
// skipped, and how to install them. Under CONCURRENCE_TEST_ALL=1 (CI) a missing one fails the run.
import assert from "node:assert/strict";
import { test } from "node:test";
import { describeMissing, missingPackages, OPTIONAL_PACKAGES, testAll } from "./helpers/optional.js";

const missing = missingPackages(OPTIONAL_PACKAGES);
const summary =
  missing.length === 0
    ? "all present, no test skipped for lack of one"
    : `tests were skipped: ${describeMissing(missing)}`;

test(`optional system packages: ${summary}`, () => {
  assert.ok(!testAll() || missing.length === 0, `CONCURRENCE_TEST_ALL=1 runs every test, but ${describeMissing(missing)}`);
});
