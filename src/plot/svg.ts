import type { VegaLiteSpec } from "./spec.js";

type Vega = typeof import("vega");
type VegaLite = typeof import("vega-lite");
let renderer: { vega: Vega; vegaLite: VegaLite } | undefined;

/** Renders a vega-lite spec to an SVG string, in Node, with no browser and no canvas. */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  // Loaded on first use: vega costs ~200 ms to load, and a worker thread that requires
  // the library to download or compute should not pay for plots it never draws.
  renderer ??= { vega: require("vega") as Vega, vegaLite: require("vega-lite") as VegaLite };
  const { vega, vegaLite } = renderer;
  const compiled = vegaLite.compile(spec as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
