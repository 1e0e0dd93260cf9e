// The stop button (SIGINT), never lost. tslab runs a cell's synchronous part with vm's
// `breakOnSigint`: Node then takes SIGINT away from `process.on("SIGINT")` listeners, starts a
// watchdog thread, and stops it (joining the thread) when the part ends. A SIGINT landing while
// the watchdog stops is swallowed, and a cell that then awaits is never interrupted (about 1 in
// 15 presses). Instead, the kernel keeps Node's watchdog started for its whole life, as Node's
// REPL does around each evaluation: a SIGINT during a synchronous part still ends it (vm's own
// watchdog nests inside ours), and one at any other time is left pending, which we collect.

/** Node's internal watchdog API, the one its REPL uses (`process.binding("contextify")`). */
interface Watchdog {
  startSigintWatchdog(): boolean;
  stopSigintWatchdog(): boolean;
  watchdogHasPendingSigint(): boolean;
}

/** How often a pending SIGINT is looked for: the stop button's delay while a cell awaits. */
const POLL_MS = 20;

/** Calls `interrupt` on every SIGINT the kernel receives. */
export function onStopButton(interrupt: () => void): void {
  const watchdog = nodeWatchdog();
  if (!watchdog?.startSigintWatchdog()) {
    process.on("SIGINT", interrupt); // another Node: the old way, which may drop a press
    return;
  }
  const poll = setInterval(() => {
    if (!watchdog.watchdogHasPendingSigint()) return;
    // A nested start and stop hands the pending signal over and clears it, under Node's lock.
    watchdog.startSigintWatchdog();
    if (watchdog.stopSigintWatchdog()) interrupt();
  }, POLL_MS);
  poll.unref();
}

function nodeWatchdog(): Watchdog | undefined {
  try {
    const binding = (process as unknown as { binding(name: string): Partial<Watchdog> }).binding("contextify");
    return typeof binding.startSigintWatchdog === "function" &&
      typeof binding.stopSigintWatchdog === "function" &&
      typeof binding.watchdogHasPendingSigint === "function"
      ? (binding as Watchdog)
      : undefined;
  } catch {
    return undefined;
  }
}
