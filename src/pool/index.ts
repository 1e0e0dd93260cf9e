export { Pool, type Job, type JobOutcome } from "./pool.js";
export { poolWorkers, poolMemory, mapChunksize, taskOptions, type PoolOptions, type MapOptions, type TaskOptions } from "./options.js";
export { chunked } from "./chunks.js";
export { asCompleted } from "./iterate.js";
export { Run, type Task } from "./task.js";
export type { PoolStats, WorkerStats } from "./stats.js";
