// The cells TypeScript checks in advance, whichever way the kernel started (converter-worker.ts,
// snapshot/converter.ts): a plain one, so the checker is ready, then the library's types.
export const PLAIN_CELL = "1 + 1";
export const LIBRARY_CELL = 'import * as concurrence from "concurrence";\nconcurrence.cpuCount';
