import type { TraceEvent } from "../trace/event.js";
import { laneName, laneOrder } from "../trace/lanes.js";
import { messages } from "../messages/index.js";
import { rowsOf, type TraceSource } from "./trace.js";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec.js";

export interface SequenceOptions {
  /** The first tasks drawn, by submit time: a sequence diagram is for a small run. @default 12 */
  limit?: number;
  title?: string;
  /** Height in pixels. @default 320 */
  height?: number;
}

/**
 * A message sequence diagram, in the spirit of Livebook's `seq_trace`: the kernel and each
 * worker as a column with time going down; an arrow per task from its submit (kernel) to its
 * start (worker), a box while it runs, and an arrow back with its outcome.
 * @example show(plots.sequence(t, { limit: 8 }))
 */
export function sequence(source: TraceSource, options: SequenceOptions = {}): VegaLiteSpec {
  const { events, origin } = rowsOf(source);
  const limit = options.limit ?? 12;
  const tasks = events.filter((e) => e.kind === "task" && e.worker !== null).slice(0, limit);
  const submitted = new Map(events.filter((e) => e.kind === "queued").map((e) => [e.id, e.start]));
  const kernel = messages().trace.kernel;
  const ms = (at: number) => Math.round((at - origin) * 1000) / 1000;
  const workers = [...new Map(tasks.map((e): [string, TraceEvent] => [laneName(e), e]))].sort(([, a], [, b]) => laneOrder(a, b)).map(([name]) => name);
  const columns = [kernel, ...workers];
  const arrows = tasks.flatMap((e) => {
    const worker = laneName(e);
    const sent = ms(submitted.get(e.id) ?? e.start);
    return [
      { from: kernel, to: worker, y: sent, y2: ms(e.start), label: e.name, message: "submit" },
      { from: worker, to: kernel, y: ms(e.end), y2: ms(e.end), label: e.outcome, message: "result" },
    ];
  });
  const runs = tasks.map((e) => ({ column: laneName(e), y: ms(e.start), y2: ms(e.end), name: e.name, outcome: e.outcome }));
  const end = Math.max(0, ...arrows.map((a) => a.y2));
  const x = { type: "nominal", scale: { type: "point", domain: columns, padding: 0.5 }, axis: { orient: "top", title: null, labelAngle: 0 } };
  const y = { type: "quantitative", scale: { reverse: true, nice: false }, title: "ms" };
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: { step: 130 },
    height: options.height ?? 320,
    layer: [
      {
        data: { values: columns.map((column) => ({ column, y: 0, y2: end })) },
        mark: { type: "rule", color: "#bbb", strokeDash: [2, 3] },
        encoding: { x: { field: "column", ...x }, y: { field: "y", ...y }, y2: { field: "y2" } },
      },
      {
        data: { values: runs },
        mark: { type: "bar", width: 8, color: "#8ab" },
        encoding: { x: { field: "column", ...x }, y: { field: "y", ...y }, y2: { field: "y2" }, tooltip: [{ field: "name" }, { field: "outcome" }, { field: "y", title: "début (ms)" }, { field: "y2", title: "fin (ms)" }] },
      },
      {
        data: { values: arrows },
        layer: [
          {
            mark: { type: "rule", strokeWidth: 1.2 },
            encoding: {
              x: { field: "from", ...x },
              x2: { field: "to" },
              y: { field: "y", ...y },
              y2: { field: "y2" },
              color: { field: "message", type: "nominal", title: "message", scale: { domain: ["submit", "result"], range: ["#37a", "#a53"] } },
              tooltip: [{ field: "message" }, { field: "label" }, { field: "y", title: "ms" }],
            },
          },
          {
            mark: { type: "point", filled: true, size: 30 },
            encoding: { x: { field: "to", ...x }, y: { field: "y2", ...y }, color: { field: "message", type: "nominal" } },
          },
          {
            transform: [{ filter: "datum.message === 'submit'" }],
            mark: { type: "text", align: "left", dx: 6, dy: -4, fontSize: 10 },
            encoding: { x: { field: "from", ...x }, y: { field: "y", ...y }, text: { field: "label" } },
          },
        ],
      },
    ],
  };
}
