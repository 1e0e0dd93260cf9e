// A kernel that answers fast. TypeScript's first program (the ES and Node type libraries, 2.5 MB
// of declarations to parse) takes most of a second. Building it before the first reply made
// every client wait for it; instead the kernel answers kernel_info first, then builds it while
// the student reads the notebook. A cell that comes sooner waits for the rest of the build.
import type { ConcurrenceServer } from "./server.js";

/** Runs `build` once: just after the first kernel_info reply, or `fallbackMs` after `ready`. */
export function buildAfterFirstReply(server: ConcurrenceServer, ready: Promise<unknown>, build: () => void, fallbackMs = 1000): void {
  let built = false;
  const once = () => {
    if (built) return;
    built = true;
    setImmediate(build); // after the reply has gone out
  };
  const answer = server.handleKernelInfo.bind(server);
  server.handleKernelInfo = (...args: Parameters<ConcurrenceServer["handleKernelInfo"]>) => {
    answer(...args);
    once();
  };
  void ready.then(() => setTimeout(once, fallbackMs).unref());
}
