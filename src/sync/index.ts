// Synchronisation and communication between threads (and processes, for Queue and Pipe).
export { Lock, RLock } from "./lock.js";
export { Semaphore, BoundedSemaphore } from "./semaphore.js";
export { Event } from "./event.js";
export { Condition } from "./condition.js";
export { Barrier } from "./barrier.js";
export { SharedValue, sharedValue, sharedArray, type SharedType, type SharedArrayOf } from "./shared.js";
export { Queue, type QueueOptions } from "./queue.js";
export { Pipe, Connection, type PipeOptions } from "./pipe.js";
export type { Waitable } from "./wait.js";
export { encodeArgs, encodeValue, revive, defineKind, setProcessExporter, type Target, type Encoded } from "./wire.js";
