// Imported first by launch.ts: TypeScript's worker thread (remote-converter.ts) starts building
// the program before the kernel's own modules (tslab, zeromq, TypeScript for the main thread) load.
import { startConverterWorker } from "./remote-converter.js";

startConverterWorker();
