export { timeit, type Timing, type TimeitOptions } from "./timeit.js";
export { sweep, workerCounts, type SweepOptions } from "./sweep.js";
export { summarize, type Summary } from "./stats.js";
export { amdahl, gustafson, amdahlFit, type AmdahlFit, type SpeedupPoint } from "./scaling.js";
