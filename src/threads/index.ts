export { Thread } from "./thread.js";
export { ThreadPool } from "./pool.js";
