// A kernel that answers fast. TypeScript's first program (the ES and Node type libraries, 2.5 MB
// of declarations to parse) takes most of a second. Building it before the first reply made
// every client wait for it; instead the kernel answers first, and builds it once the client has
// stopped asking for kernel_info (jupyter_client asks again until its iopub socket hears us),
// while the student reads the notebook. A cell that comes sooner builds it then, and waits.
import type { ConcurrenceServer } from "./server.js";

/** Quiet time after the last kernel_info reply before building (jupyter_client retries at once). */
const QUIET_MS = 1000;
/** For a client that never asks for kernel_info. */
const FALLBACK_MS = 3000;

/** Runs `build` once the kernel_info requests have stopped for a while, or some time after `ready`. */
export function buildWhenQuiet(server: ConcurrenceServer, ready: Promise<unknown>, build: () => void): void {
  let timer: NodeJS.Timeout | undefined;
  const later = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(build, ms);
    timer.unref();
  };
  const answer = server.handleKernelInfo.bind(server);
  server.handleKernelInfo = (...args: Parameters<ConcurrenceServer["handleKernelInfo"]>) => {
    answer(...args);
    later(QUIET_MS);
  };
  void ready.then(() => timer ?? later(FALLBACK_MS));
}
