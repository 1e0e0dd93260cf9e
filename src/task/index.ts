export { functionSource } from "./source.js";
export { compileFunction, runTask, type TaskRequest, type TaskOutcome } from "./compile.js";
export { toTransferableError, fromTransferableError, unwrap, explainCloneError, type TransferableError } from "./transfer.js";
