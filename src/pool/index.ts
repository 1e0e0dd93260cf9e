export { poolWorkers, mapChunksize, type PoolOptions, type MapOptions } from "./options.js";
export { chunked } from "./chunks.js";
