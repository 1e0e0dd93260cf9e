import { LiveDisplay } from "../display/live.js";
import { numberInRange, plainObject } from "../options.js";
import { traceChart, type TraceChartOptions } from "../plot/trace.js";
import type { Trace } from "./recorder.js";

export interface LiveTraceOptions extends TraceChartOptions {
  /** Time between two frames, in ms: at most a few a second, since each is drawn as SVG too. @default 500 */
  intervalMs?: number;
}

/**
 * The trace's timeline in one output, redrawn in place while it records (only when something
 * new came), and once more when it stops: that last frame (vega-lite and SVG) stays for exports.
 */
export function liveTrace(trace: Trace, options: LiveTraceOptions = {}): LiveDisplay {
  const opts = plainObject("options", options) as LiveTraceOptions;
  const intervalMs = opts.intervalMs === undefined ? 500 : numberInRange("options.intervalMs", opts.intervalMs, 200, 60_000);
  const display = new LiveDisplay();
  let drawn = -1;
  const frame = () => {
    const events = trace.events;
    if (events.length === drawn) return;
    drawn = events.length;
    void display.update(traceChart(trace, opts));
  };
  frame();
  const timer = setInterval(frame, intervalMs).unref();
  trace.onStop(() => {
    clearInterval(timer);
    drawn = -1;
    frame();
  });
  return display;
}
