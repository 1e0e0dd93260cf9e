// The interactive cells (`interact`): a text fallback for the controls, and the last static chart.
import assert from "node:assert/strict";
import { cellWith, mimeText, SVG, VEGA_LITE, type Notebook } from "../outputs.js";

const WIDGET_VIEW = "application/vnd.jupyter.widget-view+json";

/** Checks the cell holding `needle`; gives the data rows of its chart. */
export function checkInteract(nb: Notebook, needle: string): Array<Record<string, unknown>> {
  const outputs = cellWith(nb, needle).outputs ?? [];
  assert.equal(outputs.length, 2, `the controls, then one output: ${JSON.stringify(outputs).slice(0, 500)}`);
  const [controls, chart] = outputs;
  assert.ok(controls.data?.[WIDGET_VIEW], "the controls are a widget view");
  assert.match(mimeText(controls, "text/plain"), /^VBox\(/, "with a text fallback for exports");
  assert.ok(chart.data?.[VEGA_LITE] && chart.data?.[SVG], "the output holds the last chart, with its SVG");
  return ((chart.data[VEGA_LITE] as { data?: { values?: Array<Record<string, unknown>> } }).data?.values ?? []);
}
