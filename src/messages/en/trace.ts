// Messages of the trace's lanes, summary, save() and charts (src/trace/, src/plot/), in English: the type is the French file's.
import type { trace as fr } from "../fr/trace.js";

export const trace: typeof fr = {
  kernel: "kernel",
  thread: (id) => `thread ${id}`,
  process: (pid) => `process ${pid}`,
  notStarted: "never started",
  summary: (events, tasks, seconds, dropped) =>
    `<trace: ${events} events, ${tasks} tasks, ${seconds} s${dropped ? `, ${dropped} events dropped (buffer full)` : ""}>`,
  exists: (file) => `${file} exists already: pass { overwrite: true } to save() to replace it, or choose another name`,
  notTrace: (value) => `this chart expects a trace (trace()) or its rows (t.events), got ${value}`,
  waiting: "waiting",
  holding: "held",
};
