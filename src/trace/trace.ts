import { isFunction } from "../options.js";
import type { LiveDisplay } from "../display/live.js";
import { liveTrace, type LiveTraceOptions } from "./live.js";
import { Trace as Recorder, type TraceOptions } from "./recorder.js";
import { saveTrace, type SaveOptions } from "./save.js";

/** A recording, with its export and its live chart. */
export class Trace extends Recorder {
  /**
   * Writes Chrome Trace Event JSON (open it in ui.perfetto.dev or chrome://tracing), atomically.
   * An existing file is replaced only with `{ overwrite: true }`. Gives the file's absolute path.
   * @example t.save("trace.json", { overwrite: true })
   */
  save(file: string, options: SaveOptions = {}): string {
    return saveTrace(this, file, options);
  }

  /**
   * Shows the timeline now and redraws it in place while it records, at most a few times a second.
   * @example const t = trace(); t.live(); await pool.map(f, items); t.stop();
   */
  live(options: LiveTraceOptions = {}): LiveDisplay {
    return liveTrace(this, options);
  }
}

/** Starts recording what the library runs; `stop()` ends it. */
export function trace(options: TraceOptions = {}): Trace {
  return new Trace(options);
}

/**
 * Records what `fn` runs, and gives the trace once it is done (even if fn throws: then it rejects
 * with fn's error, and the trace is stopped).
 * @example const t = await traced(() => pool.map(f, items));
 */
export async function traced(fn: () => unknown, options: TraceOptions = {}): Promise<Trace> {
  isFunction("fn", fn);
  const t = trace(options);
  try {
    await fn();
  } finally {
    t.stop();
  }
  return t;
}
