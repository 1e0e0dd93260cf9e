import { cpuCount } from "../cpu.js";
import type { TraceKind } from "../trace/event.js";
import { rowsOf, type TraceSource } from "./trace.js";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec.js";

export interface ConcurrencyOptions {
  /** Which rows count: pool tasks, HTTP requests… @default "task" */
  kind?: TraceKind;
  /** Where to draw the line of cores; `false` draws none. @default cpuCount() */
  cores?: number | false;
  title?: string;
  width?: number;
  height?: number;
}

/** How many rows of `kind` were going at each instant: [seconds, count] steps from 0. */
export function concurrencySteps(source: TraceSource, kind: TraceKind = "task"): Array<{ seconds: number; running: number }> {
  const { events, origin } = rowsOf(source);
  const edges: Array<[number, number]> = [];
  for (const e of events) {
    if (e.kind !== kind || !(e.end > e.start)) continue;
    edges.push([e.start, 1], [e.end, -1]);
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]); // an end before a start at the same instant
  const steps = [{ seconds: 0, running: 0 }];
  let running = 0;
  for (const [at, delta] of edges) {
    running += delta;
    const seconds = (at - origin) / 1000;
    if (steps[steps.length - 1].seconds === seconds) steps[steps.length - 1].running = running;
    else steps.push({ seconds, running });
  }
  return steps;
}

/**
 * How many tasks (or requests…) ran at once over time, as steps, with the number of cores as
 * a dashed line: under it, cores sat idle; over it, tasks shared cores.
 * @example show(plots.concurrency(t, { kind: "request", cores: false }))
 */
export function concurrency(source: TraceSource, options: ConcurrencyOptions = {}): VegaLiteSpec {
  const steps = concurrencySteps(source, options.kind ?? "task");
  const cores = options.cores === undefined ? cpuCount() : options.cores;
  const line = {
    mark: { type: "line", interpolate: "step-after" },
    encoding: {
      x: { field: "seconds", type: "quantitative", title: "secondes" },
      y: { field: "running", type: "quantitative", title: "en même temps", axis: { tickMinStep: 1 } },
      tooltip: [{ field: "seconds", format: ".4f" }, { field: "running" }],
    },
  };
  const rule = {
    data: { values: [{ cores, label: `${cores} cœurs` }] },
    layer: [
      { mark: { type: "rule", strokeDash: [4, 3], color: "#c33" }, encoding: { y: { field: "cores", type: "quantitative" } } },
      { mark: { type: "text", align: "left", dx: 4, dy: -6, color: "#c33" }, encoding: { y: { field: "cores", type: "quantitative" }, x: { datum: 0 }, text: { field: "label" } } },
    ],
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    data: { values: steps },
    width: options.width ?? 420,
    height: options.height ?? 180,
    layer: cores === false ? [line] : [line, rule],
  };
}
