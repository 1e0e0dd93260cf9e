import * as vega from "vega";
import { compile } from "vega-lite";
import type { VegaLiteSpec } from "./spec.js";

/** Renders a vega-lite spec to an SVG string, in Node, with no browser and no canvas. */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const compiled = compile(spec as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
