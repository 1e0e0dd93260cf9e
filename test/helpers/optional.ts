// The optional system packages some tests need (Chromium, pdftotext, the `gl` build with an X
// display). Without one, those tests are skipped, each naming the package and how to install it,
// and the last test file lists them all (test/optional.test.ts). With CONCURRENCE_TEST_ALL=1 (CI,
// .ci/run), a missing package fails the test instead, naming it.
// CONCURRENCE_TEST_HIDE=chromium,poppler-utils,gl makes the tests act as if those were missing.
import { accessSync, constants } from "node:fs";
import path from "node:path";
import type { TestContext } from "node:test";
import { findChromium } from "../../scripts/handouts/chromium.js";
import { glVersion } from "../../src/gpu/gl.js";

export interface OptionalPackage {
  /** The package's name, as CONCURRENCE_TEST_HIDE and the messages give it. */
  name: string;
  /** What the tests use it for. */
  use: string;
  install: string;
  present(): boolean;
}

export const CHROMIUM: OptionalPackage = {
  name: "chromium",
  use: "the browser tests and the PDF handouts",
  install: "apt-get install chromium (or CHROMIUM=/path/to/chromium)",
  present: () => findChromium() !== undefined,
};

export const POPPLER: OptionalPackage = {
  name: "poppler-utils",
  use: "pdftotext, to read the handouts' PDFs",
  install: "apt-get install poppler-utils",
  present: () => onPath("pdftotext"),
};

export const GL: OptionalPackage = {
  name: "gl",
  use: "headless-gl, gpu.js's WebGL backend",
  install: "apt-get install g++ make pkg-config libxi-dev libglu1-mesa-dev libglew-dev libx11-dev libxext-dev, then npm rebuild gl",
  present: () => glVersion() !== null,
};

export const XVFB: OptionalPackage = {
  name: "xvfb",
  use: "the virtual X display headless-gl draws on",
  install: "apt-get install xvfb",
  present: () => onPath("Xvfb"),
};

export const OPTIONAL_PACKAGES = [CHROMIUM, POPPLER, GL, XVFB];

/** Whether CI asked for every test to run: a missing package then fails. */
export const testAll = (): boolean => process.env.CONCURRENCE_TEST_ALL === "1";

/** The packages among `packages` that are missing here (or hidden by CONCURRENCE_TEST_HIDE). */
export function missingPackages(packages: OptionalPackage[]): OptionalPackage[] {
  const hidden = new Set((process.env.CONCURRENCE_TEST_HIDE ?? "").split(",").map((s) => s.trim()));
  return packages.filter((p) => hidden.has(p.name) || !p.present());
}

/** For a whole file: false when `packages` are here or CONCURRENCE_TEST_ALL=1 (the test then fails), else the skip reason. */
export function skipReason(packages: OptionalPackage[]): string | false {
  const missing = missingPackages(packages);
  return missing.length === 0 || testAll() ? false : describeMissing(missing);
}

/** `chromium is missing (install: apt-get install chromium)`, for each missing package. */
export function describeMissing(packages: OptionalPackage[]): string {
  return packages.map((p) => `${p.name} is missing (${p.use}; install: ${p.install})`).join("; ");
}

/**
 * Call first in a test that needs `packages`: true if some are missing and the test was skipped
 * (return then). Under CONCURRENCE_TEST_ALL=1 a missing package throws instead, naming it.
 */
export function skipWithout(t: TestContext, ...packages: OptionalPackage[]): boolean {
  const missing = missingPackages(packages);
  if (missing.length === 0) return false;
  const reason = describeMissing(missing);
  if (testAll()) throw new Error(`CONCURRENCE_TEST_ALL=1 runs every test, but ${reason}`);
  t.skip(reason);
  return true;
}

function onPath(program: string): boolean {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, program), constants.X_OK);
      return dir !== "";
    } catch {
      return false;
    }
  });
}
