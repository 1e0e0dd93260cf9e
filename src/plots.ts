// The `plots` namespace of the public API: `plots.speedup(rows)`.
export { timeVsWorkers, speedup, bars } from "./plot/builders.js";
export { timeline } from "./plot/timeline.js";
