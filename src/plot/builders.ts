import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec.js";

/** A measured row, as `sweep` produces: extra fields (like `task`) are kept. */
export interface TimingRow {
  mode: string;
  workers: number;
  seconds: number;
  [field: string]: unknown;
}

export interface ChartOptions {
  title?: string;
  /** A field whose values split the chart into side-by-side panels, e.g. `"task"`. */
  facet?: string;
  width?: number;
  height?: number;
}

export interface SpeedupOptions extends ChartOptions {
  /**
   * `"strong"`: the same total work shared by n workers, speed-up = T(1) / T(n).
   * `"weak"`: each worker does the same work (the seed's benchmark), speed-up = n × T(1) / T(n).
   * @default "strong"
   */
  scaling?: "strong" | "weak";
}

/** The x axis of worker counts: a tick at each measured count, never at 1.5. */
function workersAxis(rows: readonly TimingRow[]): object {
  const counts = [...new Set(rows.map((r) => r.workers))].sort((a, b) => a - b);
  return { field: "workers", type: "quantitative", title: "workers", axis: { values: counts, format: "d" } };
}

/**
 * A field name as vega-lite reads it: dots, brackets and quotes would otherwise be taken
 * for a path into nested data.
 */
export function fieldRef(name: string): string {
  return name.replace(/[.[\]'"\\]/g, (c) => `\\${c}`);
}

/**
 * What a chart may take across, in pixels: the printable width of an A4 page (186 mm at
 * 96 px/inch is 703 px) less the cell's prompt column, so that handouts print it whole.
 */
export const PRINT_WIDTH = 560;

/** Room for the y axis and its title, left of the first panel. */
const Y_AXIS_ROOM = 60;
const PANEL_SPACING = 20;

/** The width of each panel, so that `panels` of them side by side fit PRINT_WIDTH. */
export function panelWidth(panels: number): number {
  const n = Math.max(1, panels);
  return Math.max(100, Math.floor((PRINT_WIDTH - Y_AXIS_ROOM - (n - 1) * PANEL_SPACING) / n));
}

function wrap(rows: object[], layer: object[], options: ChartOptions): VegaLiteSpec {
  const panels = options.facet ? new Set(rows.map((r) => (r as Record<string, unknown>)[options.facet!])).size : 1;
  const size = { width: options.width ?? panelWidth(panels), height: options.height ?? 260 };
  const common = {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    data: { values: rows },
    // The legend goes under the chart, where it takes no width from the panels; mode names
    // like "boucle d'événements" must not be cut in it.
    config: { legend: { labelLimit: 0, orient: "bottom", direction: "horizontal", columns: 3 } },
  };
  if (!options.facet) return { ...common, ...size, layer };
  return {
    ...common,
    facet: { column: { field: fieldRef(options.facet), type: "nominal", title: null } },
    spacing: PANEL_SPACING,
    spec: { ...size, layer },
  };
}

/** Seconds against the worker count, one line per mode. */
export function timeVsWorkers(rows: readonly TimingRow[], options: ChartOptions = {}): VegaLiteSpec {
  const line = {
    mark: { type: "line", point: true },
    encoding: {
      x: workersAxis(rows),
      y: { field: "seconds", type: "quantitative", title: "secondes" },
      color: { field: "mode", type: "nominal", title: "mode" },
      tooltip: [{ field: "mode" }, { field: "workers" }, { field: "seconds", format: ".3f" }],
    },
  };
  return wrap(rows.map((r) => ({ ...r })), [line], options);
}

/** Speed-up against the worker count, one line per mode, beside the dashed ideal line y = workers. */
export function speedup(rows: readonly TimingRow[], options: SpeedupOptions = {}): VegaLiteSpec {
  const points = speedupRows(rows, options.scaling ?? "strong", options.facet);
  const measured = {
    mark: { type: "line", point: true },
    encoding: {
      x: workersAxis(rows),
      y: { field: "speedup", type: "quantitative", title: "accélération" },
      color: { field: "mode", type: "nominal", title: "mode" },
      tooltip: [{ field: "mode" }, { field: "workers" }, { field: "speedup", format: ".2f" }],
    },
  };
  const ideal = {
    mark: { type: "line", strokeDash: [4, 4], color: "gray" },
    encoding: { x: workersAxis(rows), y: { field: "workers", type: "quantitative" } },
  };
  return wrap(points, [ideal, measured], options);
}

/**
 * Adds `speedup` to each row, against the row of the same mode (and facet) with the fewest workers.
 */
export function speedupRows(
  rows: readonly TimingRow[],
  scaling: "strong" | "weak" = "strong",
  facet?: string,
): Array<TimingRow & { speedup: number }> {
  const key = (r: TimingRow) => JSON.stringify([r.mode, facet ? r[facet] : null]);
  const base = new Map<string, TimingRow>();
  for (const r of rows) {
    const b = base.get(key(r));
    if (!b || r.workers < b.workers) base.set(key(r), r);
  }
  return rows.map((r) => {
    const b = base.get(key(r))!;
    const ratio = b.seconds / r.seconds;
    return { ...r, speedup: scaling === "weak" ? (ratio * r.workers) / b.workers : ratio };
  });
}

/** One bar per row: `x` names the category, `y` the measured value. */
export function bars(
  rows: readonly Record<string, unknown>[],
  options: ChartOptions & { x: string; y: string; color?: string; yTitle?: string },
): VegaLiteSpec {
  const bar = {
    mark: { type: "bar" },
    encoding: {
      x: { field: fieldRef(options.x), type: "nominal", title: options.x, sort: null },
      y: { field: fieldRef(options.y), type: "quantitative", title: options.yTitle ?? options.y },
      ...(options.color ? { color: { field: fieldRef(options.color), type: "nominal", title: options.color } } : {}),
      tooltip: [{ field: fieldRef(options.x), title: options.x }, { field: fieldRef(options.y), title: options.y }],
    },
  };
  return wrap(rows.map((r) => ({ ...r })), [bar], options);
}

export interface LinesOptions extends ChartOptions {
  /** The field on the horizontal axis. */
  x: string;
  /** The field on the vertical axis. */
  y: string;
  /** A field whose values each get a line of their own colour. */
  color?: string;
  xTitle?: string;
  yTitle?: string;
  /** Logarithmic axes, for values spread over several orders of magnitude. @default false */
  logX?: boolean;
  logY?: boolean;
  /** A dot on each measured point. @default true */
  points?: boolean;
  /** Start the vertical axis at zero; false fits it to the data (temperatures, say). @default true */
  yZero?: boolean;
}

/** `y` against a quantitative `x`, one line per `color` value: e.g. seconds against a matrix size. */
export function lines(rows: readonly Record<string, unknown>[], options: LinesOptions): VegaLiteSpec {
  // A log scale fits the data: vega-lite would round 64 … 512 out to 10 … 1000.
  const scale = (log?: boolean, zero = true) => (log ? { scale: { type: "log", nice: false } } : zero ? {} : { scale: { zero: false } });
  const line = {
    mark: { type: "line", point: options.points ?? true },
    encoding: {
      x: { field: fieldRef(options.x), type: "quantitative", title: options.xTitle ?? options.x, ...scale(options.logX) },
      y: { field: fieldRef(options.y), type: "quantitative", title: options.yTitle ?? options.y, ...scale(options.logY, options.yZero) },
      ...(options.color ? { color: { field: fieldRef(options.color), type: "nominal", title: options.color } } : {}),
      tooltip: [...(options.color ? [{ field: fieldRef(options.color), title: options.color }] : []), { field: fieldRef(options.x), title: options.x }, { field: fieldRef(options.y), title: options.y }],
    },
  };
  return wrap(rows.map((r) => ({ ...r })), [line], options);
}
