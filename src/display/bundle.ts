import { describeSpec, isVegaLiteSpec, type VegaLiteSpec } from "../plot/spec.js";
import { renderSvg } from "../plot/svg.js";
import type { MimeBundle } from "./bridge.js";
import { imageBundle, isRgbaImage } from "./image.js";
import { isTableRows, tableBundle } from "./table.js";

export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

/** A value that makes its own bundle (a widget): `value[MIME_BUNDLE]()`. */
export const MIME_BUNDLE = Symbol.for("concurrence.mime-bundle");

/**
 * A plot as JupyterLab, nbconvert and PDF handouts each need it: the interactive spec,
 * an SVG rendered here, and a line of text. A failed SVG render leaves the other two.
 */
export async function plotBundle(spec: VegaLiteSpec): Promise<MimeBundle> {
  const bundle: MimeBundle = { [VEGA_LITE_MIME]: spec, "text/plain": describeSpec(spec) };
  try {
    bundle["image/svg+xml"] = await renderSvg(spec);
  } catch (error) {
    process.stderr.write(`concurrence: the SVG fallback of this plot failed: ${(error as Error).message}\n`);
  }
  return bundle;
}

/** The rich bundle for a value, or undefined when plain text says it all. */
export async function displayBundle(value: unknown): Promise<MimeBundle | undefined> {
  if (typeof (value as { [MIME_BUNDLE]?: unknown } | null)?.[MIME_BUNDLE] === "function") {
    return (value as { [MIME_BUNDLE](): MimeBundle })[MIME_BUNDLE]();
  }
  if (isVegaLiteSpec(value)) return plotBundle(value);
  if (isTableRows(value)) return tableBundle(value);
  if (isRgbaImage(value)) return imageBundle(value);
  return undefined;
}
