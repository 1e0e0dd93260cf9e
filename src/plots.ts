// The `plots` namespace of the public API: `plots.speedup(rows)`.
export { timeVsWorkers, speedup, bars, lines } from "./plot/builders.js";
export { timeline } from "./plot/timeline.js";
export { traceChart as trace } from "./plot/trace.js";
export { concurrency } from "./plot/concurrency.js";
export { sequence } from "./plot/sequence.js";
export { outcomes, schedule } from "./plot/interleavings.js";
export { amdahlChart as amdahl } from "./plot/amdahl.js";
