// The GPU tests' environment: the X display headless-gl needs, started as the kernel does it.
import type { TestContext } from "node:test";
import { virtualDisplay } from "../../kernel/xdisplay.js";
import { GL, missingPackages, skipWithout, XVFB } from "../helpers/optional.js";

export const xvfbInstalled = missingPackages([XVFB]).length === 0;

/**
 * Call first in a headless-gl test: true if the `gl` build or an X display (or Xvfb) is missing
 * and the test was skipped, naming what to install; under CONCURRENCE_TEST_ALL=1 it fails instead.
 * Otherwise headless-gl must work, and the X display is started.
 */
export async function skipWithoutHeadlessgl(t: TestContext): Promise<boolean> {
  if (skipWithout(t, GL)) return true;
  await virtualDisplay();
  return !process.env.DISPLAY && skipWithout(t, XVFB);
}
