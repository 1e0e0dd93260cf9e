export { processInfo, type ProcessInfo } from "./process-info.js";
