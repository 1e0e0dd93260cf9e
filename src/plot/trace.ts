// Charts of a trace: the lanes of who ran what (plots.trace), how many ran at once
// (plots.concurrency), and the messages between the kernel and the workers (plots.sequence).
import type { TraceEvent } from "../trace/event.js";
import { laneName, laneOrder, stackRows } from "../trace/lanes.js";
import { messages } from "../messages/index.js";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec.js";

/** A trace (`trace()`), or its rows and when it started. */
export type TraceSource = { readonly events: readonly TraceEvent[]; readonly started: number } | readonly TraceEvent[];

export interface TraceChartOptions {
  /** What colours the bars: the function (or primitive) name, or how each ended. @default "name" */
  color?: "name" | "outcome";
  title?: string;
  /** Height of one lane, in pixels. @default 18 */
  laneHeight?: number;
  width?: number;
}

/** Rows that are a background to a lane: a task's time in the queue, a thread's or a process's life. */
const BACKGROUND = new Set(["queued", "thread", "process"]);
const LIGHT = new Set(["wait", "put", "get"]);

export function rowsOf(source: TraceSource): { events: readonly TraceEvent[]; origin: number } {
  if (Array.isArray(source)) {
    const events = source as readonly TraceEvent[];
    return { events, origin: events.length ? Math.min(...events.map((e) => e.start)) : 0 };
  }
  const trace = source as { events?: unknown; started?: unknown };
  if (typeof trace === "object" && trace !== null && Array.isArray(trace.events) && typeof trace.started === "number") {
    return { events: trace.events as TraceEvent[], origin: trace.started };
  }
  throw new TypeError(messages().trace.notTrace(String(source)));
}

/**
 * One lane per worker (and the kernel, each Thread and Process); a bar per task, coloured by
 * function or outcome, with its time in the queue as a thin grey bar. A wait is lighter and
 * dashed, the hold that follows solid. A task that did not end well has a dark outline.
 * @example show(plots.trace(t, { color: "outcome" }))
 */
export function traceChart(source: TraceSource, options: TraceChartOptions = {}): VegaLiteSpec {
  const { events, origin } = rowsOf(source);
  const t = messages().trace;
  const s = (ms: number) => (ms - origin) / 1000;
  const front = events.filter((e) => !BACKGROUND.has(e.kind));
  const back = events.filter((e) => BACKGROUND.has(e.kind));
  const sub = stackRows(front);
  const lanes = new Map<string, [TraceEvent, number]>();
  const label = (e: TraceEvent) => (e.kind === "wait" ? `${e.name} (${t.waiting})` : e.kind === "hold" ? `${e.name} (${t.holding})` : e.name);
  const row = (e: TraceEvent, n: number) => {
    const lane = n ? `${laneName(e)} · ${n + 1}` : laneName(e);
    if (!lanes.has(lane)) lanes.set(lane, [e, n]);
    return { lane, kind: e.kind, name: label(e), outcome: e.outcome, start: s(e.start), end: s(e.end), ms: Math.round((e.end - e.start) * 1000) / 1000 };
  };
  const values = [...back.map((e) => ({ ...row(e, 0), layer: "back" })), ...front.map((e, i) => ({ ...row(e, sub[i]), layer: "front" }))];
  const order = [...lanes].sort(([, [a, m]], [, [b, n]]) => laneOrder(a, b) || m - n).map(([lane]) => lane);
  const color = options.color ?? "name";
  const tooltip = [{ field: "lane" }, { field: "name" }, { field: "kind" }, { field: "outcome" }, { field: "start", format: ".4f" }, { field: "ms", title: "ms" }];
  const x = { field: "start", type: "quantitative", title: "secondes" };
  const y = { field: "lane", type: "ordinal", title: null, sort: order };
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    data: { values },
    width: options.width ?? 420,
    height: { step: options.laneHeight ?? 18 },
    encoding: { x, x2: { field: "end" }, y, tooltip },
    layer: [
      {
        transform: [{ filter: "datum.layer === 'back'" }],
        mark: { type: "bar", height: 4, color: "#999", opacity: 0.6, yOffset: 6 },
      },
      {
        transform: [{ filter: "datum.layer === 'front'" }],
        mark: { type: "bar", cornerRadius: 2, stroke: "#222" },
        encoding: {
          color: { field: color, type: "nominal", title: color === "name" ? "fonction" : "issue" },
          opacity: { condition: { test: `indexof(${JSON.stringify([...LIGHT])}, datum.kind) >= 0`, value: 0.35 }, value: 1 },
          strokeDash: { condition: { test: `indexof(${JSON.stringify([...LIGHT])}, datum.kind) >= 0`, value: [3, 2] }, value: [1, 0] },
          strokeWidth: { condition: { test: "datum.outcome !== 'ok'", value: 1.5 }, value: 0 },
        },
      },
    ],
  };
}
