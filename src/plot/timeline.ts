import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec.js";

export interface TimelineOptions {
  /** The field naming each row's lane on the vertical axis: a request, a file, a baker… */
  lane: string;
  /** The field of the start time, in seconds. @default "start" */
  start?: string;
  /** The field of the end time, in seconds. @default "end" */
  end?: string;
  /** A field that colours the bars, e.g. `"depth"` or `"queue"`. */
  color?: string;
  /** A field whose values stack the chart into panels, one under the other, e.g. `"mode"`. */
  facet?: string;
  title?: string;
  /** Height of one lane, in pixels. @default 14 */
  laneHeight?: number;
  width?: number;
}

/**
 * A Gantt chart: one bar per row from `start` to `end`, one lane per value of `lane`, in the
 * order the rows come. Bars that overlap in time ran at the same time.
 *
 * @example
 * show(plots.timeline(report.results, { lane: "index", title: "Téléchargements" }));
 */
export function timeline(rows: readonly Record<string, unknown>[], options: TimelineOptions): VegaLiteSpec {
  const start = options.start ?? "start";
  const laneHeight = options.laneHeight ?? 14;
  const end = options.end ?? "end";
  const bar = {
    mark: { type: "bar", cornerRadius: 2 },
    encoding: {
      x: { field: start, type: "quantitative", title: "secondes" },
      x2: { field: end },
      y: {
        field: options.lane,
        type: "ordinal",
        title: options.lane,
        sort: null,
        // Lanes too thin for a readable name show none; the tooltip still gives it.
        ...(laneHeight < 10 ? { axis: { labels: false, ticks: false } } : {}),
      },
      ...(options.color ? { color: { field: options.color, type: "nominal", title: options.color } } : {}),
      tooltip: [
        { field: options.lane },
        ...(options.color ? [{ field: options.color }] : []),
        { field: start, format: ".3f" },
        { field: end, format: ".3f" },
      ],
    },
  };
  const size = { width: options.width ?? 420, height: { step: laneHeight } };
  const common = { $schema: VEGA_LITE_SCHEMA, ...(options.title ? { title: options.title } : {}), data: { values: rows.map((r) => ({ ...r })) } };
  if (!options.facet) return { ...common, ...size, ...bar };
  return {
    ...common,
    // Panels in the order the rows come (vega-lite would sort them by name).
    facet: {
      row: {
        field: options.facet,
        type: "nominal",
        title: null,
        sort: [...new Set(rows.map((r) => r[options.facet!]))],
        header: { labelAngle: 0, labelOrient: "top", labelAnchor: "start", labelFontWeight: "bold", labelFontSize: 12 },
      },
    },
    resolve: { scale: { y: "independent" } },
    spec: { ...size, ...bar },
  };
}
