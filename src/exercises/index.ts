// The checkers of the course's exercises: each runs the student's code at check time, prints
// ✅ and a sentence or ❌ and a French hint, and never throws (so "Run All" goes on).
export { lockedCounter, noDeadlock, queueConsumers } from "./sync.js";
export { threadIds, rawWorker, forkedChild, poolSquares } from "./threads.js";
export { toPromise, allAtOnce, noOverdraft, type Compte, type NodeCallback } from "./events.js";
export { everyOutcome } from "./loop.js";
export { movingAverage, sustainedAlerts } from "./reactive.js";
export { blockSums, transposeKernel } from "./gpu.js";
export { limitedDownloads, retries } from "./io.js";
export { chunksizeSweep, poolFactorise, firstResult, type FirstResult } from "./pools.js";
export { coresUsed, eagerCrawl } from "./cores.js";
export { losingSchedule, alwaysRight, philosophers } from "./interleavings.js";
