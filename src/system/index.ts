export { processInfo, type ProcessInfo, type OsThread } from "./process-info.js";
