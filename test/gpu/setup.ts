// The GPU tests' environment: the X display headless-gl needs, started as the kernel does it.
import { accessSync, constants } from "node:fs";
import path from "node:path";
import { virtualDisplay } from "../../kernel/xdisplay.js";
import { glVersion } from "../../src/gpu/gl.js";

export const xvfbInstalled = (process.env.PATH ?? "").split(path.delimiter).some((dir) => {
  try {
    accessSync(path.join(dir, "Xvfb"), constants.X_OK);
    return true;
  } catch {
    return false;
  }
});

/**
 * Why headless-gl cannot be expected here (no `gl` build, no Xvfb and no DISPLAY), or null when
 * it must work. Only then may a test skip its headless-gl assertions.
 */
export async function headlessglMissing(): Promise<string | null> {
  if (glVersion() === null) return "the optional `gl` package is not built here";
  await virtualDisplay();
  if (!process.env.DISPLAY && !xvfbInstalled) return "no X display and no Xvfb here";
  return null;
}
