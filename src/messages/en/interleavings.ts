// Messages of the interleavings explorer (src/interleavings/), in English: the type is the French file's.
import type { interleavings as fr } from "../fr/interleavings.js";

export const interleavings: typeof fr = {
  unnamed: "model",
  sharedData: (got) => `shared must be an object of plain data (numbers, strings, booleans, arrays, objects), copied for each run, got ${got}`,
  noThreads: "threads must name at least one thread, for example { A: function* (s, local) { ... } }",
  notGenerator: (name, got) => `threads.${name} must be a generator function, written function* (s, local) { ...; yield "step"; }, got ${got}`,
  hiddenState: (thread, names) =>
    `thread ${thread} keeps ${names.map((n) => `\`${n}\``).join(", ")} from one step to the next (read after a yield) in a variable, ` +
    `which the explorer cannot see: keep ${names.length > 1 ? "these values" : "this value"} in local (${names.map((n) => `local.${n}`).join(", ")}), ` +
    `which is part of the explored state`,
  outsideState: (thread, names) =>
    `thread ${thread} changes ${names.map((n) => `\`${n}\``).join(", ")}, defined outside the model: ` +
    `the explorer replays threads and only sees s and local; keep ${names.length > 1 ? "these values" : "this value"} in shared ` +
    `(${names.map((n) => `s.${n}`).join(", ")}) if the threads share it, or in local if it is this thread's own`,
  notModel: (where, got) => `${where} expects a model made by model({ shared, threads }), got ${got}`,
  badYield: (thread, got) => `thread ${thread} yielded ${got}: yield a label (yield "read") or a request (yield acquire("lock"))`,
  unknownLock: (lock, known, thread) =>
    `thread ${thread} uses the lock "${lock}", which the model does not declare: add it to locks (declared locks: ${known.length ? known.join(", ") : "none"})`,
  notHeld: (thread, lock) => `thread ${thread} releases "${lock}" without holding it: each release follows an acquire by the same thread`,
  queued: (lock) => `waits for ${lock}`,
  threw: "error",
  end: "end",
  nondeterministic: (thread) =>
    `thread ${thread} does not take the same steps when its past is replayed: a model thread must be deterministic ` +
    `(no Math.random or Date) and keep what it remembers from one step to the next in local (local.i, not let i)`,
  replayDiverged: (thread, step) => `the model is not deterministic: replayed, thread ${thread} can no longer take step ${step}`,
  stateLimit: (model, limit) =>
    `exploring "${model}" goes past ${limit} states: make the model smaller (fewer threads or steps), ` +
    `raise the limit with explore(model, { maxStates: ${limit * 10} }), or draw random runs with sample(model, { runs: 1000 })`,
  unknownThread: (got, known, step) => `step ${step}: "${got}" is not a thread of the model (threads: ${known.join(", ")})`,
  cannotMove: (step, thread, why) => `step ${step}: thread ${thread} cannot move, it ${why}`,
  waitsFor: (what) => `is blocked (${what})`,
  hasFinished: "has finished",
  failed: (message) => `threw an error (${message})`,
  sampleSeed: (runs, strategy, seed) => `sample: ${runs} runs, strategy ${strategy}, seed ${seed} (the same seed replays the same schedules: { seed: ${seed} })`,
  strategy: (got) => `options.strategy must be "random" or "pct", got ${got}`,
  notExploration: (got) => `this chart expects what explore() or sample() returns, got ${got}`,
  notRows: (got) => `this chart expects the rows of replay(), got ${got}`,
  final: "final state",
  interleavings: "interleavings",
  deadlock: "deadlock",
  failure: "error",
  step: "step",
  line: "line",
  runs: "runs",
  sharedAfter: "shared state after",
  label: "step",
};
