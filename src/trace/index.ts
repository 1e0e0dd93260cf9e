export { trace, traced, Trace } from "./trace.js";
export type { TraceOptions } from "./recorder.js";
export type { SaveOptions } from "./save.js";
export type { LiveTraceOptions } from "./live.js";
export type { TraceEvent, TraceKind, TraceOutcome, TracePlace } from "./event.js";
export { chromeTrace, type ChromeEvent, type ChromeTrace } from "./chrome.js";
export { tracing } from "./state.js";
export { traceRing, attachRing, RING_CAPACITY } from "./ring.js";
export { taskSubmitted, taskWorker, taskFinished, lifeStarted, nameOfSource, tracedWait, released, tracedRequest } from "./hooks.js";
