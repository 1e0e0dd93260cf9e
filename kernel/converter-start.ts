// Imported first by launch.ts: TypeScript's worker thread (remote-converter.ts) starts building
// the program before the kernel's own modules (tslab, zeromq, TypeScript for the main thread) load.
// A kernel started from its snapshot has the program's declarations already (kernel/snapshot/).
import { startConverterWorker } from "./remote-converter.js";
import { snapshotState } from "./snapshot/state.js";

if (!snapshotState()) startConverterWorker();
