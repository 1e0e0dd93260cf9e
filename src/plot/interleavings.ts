// Charts of the interleavings explorer: the outcomes of explore() or sample() as bars, and a
// replayed schedule as a timeline, one lane per thread, one mark per step.
import { messages } from "../messages/index.js";
import { describeState } from "../interleavings/json.js";
import { bars, PRINT_WIDTH, type ChartOptions } from "./builders.js";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec.js";

interface Counted { final?: unknown; count: number }
interface OutcomesSource {
  model: string;
  outcomes: readonly Counted[];
  deadlocks?: readonly Counted[];
  failures?: readonly Counted[];
  runs?: number;
}

const shown = (value: unknown) => {
  try {
    return `\`${JSON.stringify(value)?.slice(0, 60)}\` (${Array.isArray(value) ? "array" : typeof value})`;
  } catch {
    return typeof value;
  }
};

/**
 * Bars of the final states against how many interleavings (or, for sample(), how many runs)
 * end in each; deadlocks and errors get a bar of their own.
 *
 * @example show(plots.outcomes(explore(perte)));
 */
export function outcomes(result: OutcomesSource, options: ChartOptions = {}): VegaLiteSpec {
  const m = messages().interleavings;
  if (typeof result !== "object" || result === null || !Array.isArray(result.outcomes)) throw new TypeError(m.notExploration(shown(result)));
  const y = typeof result.runs === "number" ? m.runs : m.interleavings;
  const rows: Record<string, unknown>[] = result.outcomes.map((o) => ({ [m.final]: describeState(o.final), [y]: o.count, kind: m.final }));
  const sum = (list: readonly Counted[] | undefined) => (list ?? []).reduce((a, d) => a + d.count, 0);
  if (result.deadlocks?.length) rows.push({ [m.final]: m.deadlock, [y]: sum(result.deadlocks), kind: m.deadlock });
  if (result.failures?.length) rows.push({ [m.final]: m.failure, [y]: sum(result.failures), kind: m.failure });
  // A model that loops has infinitely many interleavings: no bar can show that.
  for (const row of rows) if (!Number.isFinite(row[y] as number)) row[y] = null;
  const spec = bars(rows, { x: m.final, y, title: options.title ?? result.model, width: options.width, height: options.height ?? 200 });
  const bar = ((spec.layer as Record<string, unknown>[] | undefined) ?? [])[0] as { encoding: Record<string, Record<string, unknown>> } | undefined;
  if (bar) {
    bar.encoding.x.axis = { labelAngle: 0, labelLimit: 160 };
    bar.encoding.y.axis = { tickMinStep: 1 };
    // Final states in blue, deadlocks in red, errors in orange, whatever the order of the bars.
    const kinds = [m.final, m.deadlock, m.failure];
    bar.encoding.color = { field: "kind", type: "nominal", title: null, legend: null, scale: { domain: kinds, range: ["#4c78a8", "#e45756", "#f58518"] } };
  }
  return spec;
}

interface StepRow { step: number; thread: string; label: string; shared?: unknown; line?: number }

/**
 * A schedule as a timeline: one lane per thread, one mark per step with its label, from left
 * to right in the order the steps ran.
 *
 * @example show(plots.schedule(replay(perte, ["A", "B", "A", "B", "A", "B"])));
 */
export function schedule(rows: readonly StepRow[], options: ChartOptions = {}): VegaLiteSpec {
  const m = messages().interleavings;
  if (!Array.isArray(rows) || !rows.every((r) => typeof r === "object" && r !== null && typeof r.step === "number" && typeof r.thread === "string")) {
    throw new TypeError(m.notRows(shown(rows)));
  }
  const lanes = [...new Set(rows.map((r) => r.thread))];
  const values = rows.map((r) => ({
    [m.step]: r.step,
    start: r.step - 0.45,
    end: r.step + 0.45,
    thread: r.thread,
    [m.label]: r.label,
    [m.sharedAfter]: describeState(r.shared),
  }));
  const x = { field: "start", type: "quantitative", title: m.step, axis: { tickMinStep: 1, format: "d" }, scale: { domain: [0.5, Math.max(1, rows.length) + 0.5] } };
  const y = { field: "thread", type: "nominal", title: null, sort: lanes };
  const width = options.width ?? Math.min(PRINT_WIDTH, Math.max(200, rows.length * 60));
  // Labels where a step has room for them; otherwise the tooltip gives them.
  const labels = width / Math.max(1, rows.length) >= 40;
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width,
    height: { step: 34 },
    data: { values },
    encoding: { y },
    layer: [
      {
        mark: { type: "bar", cornerRadius: 3, height: 24 },
        encoding: {
          x,
          x2: { field: "end" },
          color: { field: "thread", type: "nominal", sort: lanes, legend: null },
          tooltip: [{ field: m.step }, { field: "thread" }, { field: m.label }, { field: m.sharedAfter }],
        },
      },
      ...(labels
        ? [
            {
              mark: { type: "text", fontSize: 9, color: "white", limit: Math.floor(width / rows.length) - 4 },
              encoding: { x: { field: m.step, type: "quantitative", scale: x.scale }, text: { field: m.label } },
            },
          ]
        : []),
    ],
  } as VegaLiteSpec;
}
