// The `plots` namespace of the public API: `plots.speedup(rows)`.
export { timeVsWorkers, speedup, bars, timeline } from "./plot/builders.js";
