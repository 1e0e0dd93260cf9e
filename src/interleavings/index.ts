/**
 * Interleavings: every possible execution of a small model of concurrent code, explored and
 * shown (Loom, Shuttle and TLC, for the classroom).
 *
 * API CHANGES for ilvlesson (newest first):
 *  - model() also refuses a thread that assigns a variable from outside the model (`compteur++`,
 *    `totaux.n = 1`, a cell's `exports.k`): it belongs in `s`.
 *  - explore()'s default maxStates is 100,000 (was 200,000): a runaway model stops in seconds.
 *  - model() refuses (ModelError) a thread whose `let`/`const` variable is written, then read
 *    after a `yield` (`const t = s.x; yield "lire"; s.x = t + 1` must be `local.t = s.x; ...`);
 *    constants (`const other = 1 - me`) and a yield's answer read in the same step are fine.
 *  - Names are those of issue 17, plus `scheduleTable(rows)` and the errors ModelError, StateLimitError.
 *
 * ## Writing a model
 * A model is shared state (plain JSON data, copied for each run), optional model locks, and
 * threads written as generator functions `function* (s, local)`. The code between two `yield`s
 * is ONE atomic step; the yielded string labels the step it ends. Two rules:
 *  - what a thread remembers from one step to the next goes in `local` (local.t, local.i), not
 *    in `let` variables: `local` is part of the explored state, a `let` is invisible to it;
 *  - a thread is deterministic (no Math.random, no Date): it is re-run to rebuild its state.
 * Blocking steps are requests a thread yields (the code since the previous `yield` and the
 * request are one step, which does not run at all while it cannot go through):
 *  - `yield acquire("verrou")`: enabled only while the lock has a free place;
 *  - `yield release("verrou")`: a thread that does not hold it fails (reported in `failures`);
 *  - `const ok: boolean = yield tryAcquire("verrou")`: never blocks, answers true or false;
 *  - `yield waitUntil((s) => s.x > 0, "attendre x > 0")`: a condition wait, without spinning.
 * Locks: `locks: ["verrou"]`, or `locks: { verrou: {}, places: { places: 2 }, juste: { fair: true } }`
 * (places > 1: a semaphore; fair: waiting threads are served in order, a thread that finds it
 * taken takes a step "attend verrou" and then waits its turn). Throwing in a thread (an
 * assertion) is a failure of that schedule, reported with it.
 *
 * ## Example
 * ```ts
 * import { model, explore, sample, replay, stepper, scheduleTable, plots, show } from "concurrence";
 * const perte = model({
 *   name: "mise à jour perdue",
 *   shared: { x: 0 },
 *   threads: {
 *     A: function* (s, local) { local.t = s.x; yield "lire"; local.t = local.t + 1; yield "ajouter"; s.x = local.t; yield "écrire"; },
 *     B: function* (s, local) { local.t = s.x; yield "lire"; local.t = local.t + 1; yield "ajouter"; s.x = local.t; yield "écrire"; },
 *   },
 * });
 * const r = explore(perte);   // r.interleavings === 20; r.outcomes: [{ final: { x: 1 }, count: 18, example }, { final: { x: 2 }, count: 2, example }]
 * show(plots.outcomes(r));    // bars: final state against interleavings
 * const rows = replay(perte, r.outcomes[0].example); // [{ step, thread, label, line, shared, locals }]
 * scheduleTable(rows);        // the step-by-step table
 * show(plots.schedule(rows)); // one lane per thread, one mark per step
 * sample(perte, { runs: 1000, seed: 42, strategy: "pct" }); // prints its seed; same seed, same schedules (.schedules)
 * const s = stepper(perte);   // be the scheduler: s.enabled() ["A","B"], s.step("A"), s.undo(), s.history,
 *                             // s.state { shared, locals, locks }, s.finished, s.deadlocked, s.blocked(),
 *                             // s.source("A") { lines, next: { label, from, to, blocked } }
 * ```
 * explore(m, { maxStates, dedupe }) gives { interleavings, states, transitions, outcomes,
 * deadlocks: [{ schedule, blocked: [{ thread, waitsFor }], locks, shared, count }] (shortest
 * first), failures: [{ schedule, thread, step, message, count }], livelocks: [{ prefix, cycle,
 * threads }], starvation: [{ prefix, cycle, threads, starved }], seconds }. Counts are numbers
 * of complete interleavings (Infinity when the model can loop). Past maxStates: StateLimitError.
 * A schedule that cannot be followed (blocked or finished thread): ModelError.
 */
export { model, isModel, type Model, type ModelSpec, type LockSpec, type ThreadBody, type Local, type Step, type StepRequest } from "./model.js";
export { acquire, release, tryAcquire, waitUntil } from "./requests.js";
export { explore, type ExploreOptions, type Exploration, type Outcome, type Deadlock, type Failure, type BlockedThread } from "./explore.js";
export type { CycleReport, StarvationReport } from "./cycles.js";
export { sample, type SampleOptions, type Sampling, type SampledOutcome, type SampledDeadlock, type SampledFailure } from "./sample.js";
export { replay, type ReplayRow } from "./replay.js";
export { stepper, Stepper, type StepperState, type ThreadSource } from "./stepper.js";
export { scheduleTable, scheduleRows } from "./table.js";
