import path from "node:path";
import { writeFileAtomic } from "../files/index.js";
import { booleanOption, nonEmptyString, plainObject } from "../options.js";
import { chromeTrace } from "./chrome.js";
import { messages } from "../messages/index.js";
import type { Trace } from "./recorder.js";

export interface SaveOptions {
  /** Replace the file if it exists. @default false */
  overwrite?: boolean;
}

/**
 * Writes the trace as Chrome Trace Event JSON, for ui.perfetto.dev or chrome://tracing.
 * Atomic; an existing file is kept unless `overwrite`. Gives the file's absolute path.
 */
export function saveTrace(trace: Trace, file: unknown, options: unknown = {}): string {
  const name = nonEmptyString("file", file);
  const overwrite = booleanOption("options.overwrite", plainObject("options", options).overwrite ?? false);
  const json = JSON.stringify(chromeTrace(trace.events, trace.started, process.pid, trace.dropped));
  const target = path.resolve(name);
  try {
    writeFileAtomic(target, json, { overwrite });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw Object.assign(new Error(messages().trace.exists(name)), { code: "EEXIST" });
    throw error;
  }
  return target;
}
