// The `plots` namespace of the public API: `plots.speedup(rows)`.
export { timeVsWorkers, speedup, bars, lines } from "./plot/builders.js";
export { timeline } from "./plot/timeline.js";
