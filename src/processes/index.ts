export { Process } from "./process.js";
export { ProcessPool } from "./pool.js";
