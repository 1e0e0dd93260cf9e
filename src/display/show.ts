import { inspect } from "node:util";
import { isVegaLiteSpec } from "../plot/spec.js";
import { track } from "../runtime/registry.js";
import { publish } from "./bridge.js";
import { displayBundle, plotBundle } from "./bundle.js";

/**
 * Displays a value in the cell: a vega-lite spec as a chart (interactive, with an SVG
 * fallback), rows as a table, an RGBA image ({ width, height, data }) as a PNG, anything else as text. Resolves once it is sent; the
 * kernel waits for it anyway, so `await` is optional.
 */
export function show(value: unknown): Promise<void> {
  const sending = (async () => {
    const bundle = isVegaLiteSpec(value) ? await plotBundle(value) : ((await displayBundle(value)) ?? { "text/plain": inspect(value) });
    publish(bundle);
  })();
  return track(sending);
}
