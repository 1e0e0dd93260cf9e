// sample(model, { runs, seed, strategy }): seeded random schedules, for models too big to
// enumerate, as Shuttle's check_random and check_pct do. The same seed gives the same schedules.
//  - "random": at each step, one of the threads that can move, drawn uniformly;
//  - "pct" (probabilistic concurrency testing, Burckhardt et al. 2010): threads get random
//    distinct priorities and the highest one that can move runs; at `depth - 1` random steps the
//    running thread drops to the lowest priority. A bug that needs d ordering constraints is found
//    with probability at least 1/(n·k^(d-1)) per run (n threads, k steps).
import { messages } from "../messages/index.js";
import { seededRandom } from "../random.js";
import { clone, stableJson } from "./json.js";
import { checkModel, described, type Model } from "./model.js";
import { Execution, type Attempt } from "./run.js";
import type { BlockedThread } from "./explore.js";

export interface SampleOptions {
  /** How many runs. @default 1000 */
  runs?: number;
  /** The seed of the random draws: printed, so that a run can be replayed. @default a random one */
  seed?: number;
  /** @default "random" */
  strategy?: "random" | "pct";
  /** PCT's depth d: the number of ordering constraints a bug may need. @default 3 */
  depth?: number;
  /** A run longer than this stops and counts as unfinished (a livelock, perhaps). @default 1000 */
  maxSteps?: number;
  /** Print the seed line. @default true */
  print?: boolean;
}

export interface SampledOutcome<S = any> { final: S; count: number; example: string[] }
export interface SampledDeadlock<S = any> { schedule: string[]; blocked: BlockedThread[]; shared: S; count: number }
export interface SampledFailure { schedule: string[]; thread: string; step: string; message: string; count: number }

export interface Sampling<S = any> {
  model: string;
  strategy: "random" | "pct";
  seed: number;
  runs: number;
  outcomes: SampledOutcome<S>[];
  deadlocks: SampledDeadlock<S>[];
  failures: SampledFailure[];
  /** Runs stopped at maxSteps. */
  unfinished: { count: number; example: string[] } | null;
  /** Every run's schedule, in order (the same seed gives the same list). */
  schedules: string[][];
  seconds: number;
}

const positive = (name: string, value: unknown, fallback: number): number => {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || (v as number) < 1) throw new RangeError(messages().options.positiveInteger(name, described(v)));
  return v as number;
};

/** Runs one schedule: `order(step)` gives the threads to try, best first; the first that can move runs. */
function runOnce(model: Model, order: (step: number, run: Execution) => number[], maxSteps: number, moved: (step: number, thread: number) => void) {
  const run = new Execution(model);
  let last: Attempt[] = [];
  while (run.depth < maxSteps) {
    last = [];
    let stepped = false;
    for (const i of order(run.depth, run)) {
      const got = run.step(i);
      last.push(got);
      if (got.kind === "step") {
        moved(run.depth, i);
        stepped = true;
        break;
      }
      if (got.kind === "error") return { run, end: "failed" as const, error: got };
    }
    if (!stepped) return { run, end: last.every((a) => a.kind === "finished") ? ("final" as const) : ("deadlock" as const), last };
  }
  return { run, end: "unfinished" as const };
}

/**
 * Runs the model `runs` times under seeded random schedules and counts the outcomes, the
 * deadlocks and the errors. The seed is printed: pass it back to replay the same runs.
 *
 * @example
 * const s = sample(perte, { runs: 1000, seed: 42, strategy: "pct" });
 * replay(perte, s.outcomes[0].example);
 */
export function sample<S extends object>(m: Model<S>, options: SampleOptions = {}): Sampling<S> {
  const model = checkModel(m, "sample") as Model<S>;
  if (typeof options !== "object" || options === null) throw new TypeError(messages().options.object("options", described(options)));
  const runs = positive("options.runs", options.runs, 1000);
  const maxSteps = positive("options.maxSteps", options.maxSteps, 1000);
  const depth = positive("options.depth", options.depth, 3);
  const strategy = options.strategy ?? "random";
  if (strategy !== "random" && strategy !== "pct") throw new RangeError(messages().interleavings.strategy(described(strategy)));
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = seededRandom(seed); // checks that the seed is an integer
  if (options.print ?? true) console.log(messages().interleavings.sampleSeed(runs, strategy, seed));
  const started = performance.now();
  const n = model.threadNames.length;
  const names = model.threadNames;
  const outcomes = new Map<string, SampledOutcome<S>>();
  const deadlocks = new Map<string, SampledDeadlock<S>>();
  const failures: SampledFailure[] = [];
  const stopped = { count: 0, example: [] as string[] };
  const schedules: string[][] = [];
  let longest = 0;
  for (let r = 0; r < runs; r++) {
    let order: (step: number) => number[];
    let moved = (_step: number, _thread: number) => {};
    if (strategy === "random" || longest === 0) {
      order = () => shuffle(n, random);
    } else {
      // PCT: priorities d..d+n-1 at random, and d-1 change points among the steps seen so far.
      const priority = shuffle(n, random).map((p) => p + depth);
      const changes = Array.from({ length: depth - 1 }, () => 1 + Math.floor(random() * longest));
      order = () => [...priority.keys()].sort((a, b) => priority[b] - priority[a]);
      moved = (step, thread) => {
        const j = changes.indexOf(step);
        if (j >= 0) priority[thread] = depth - 1 - j;
      };
    }
    const got = runOnce(model, order, maxSteps, moved);
    const schedule = [...got.run.schedule];
    schedules.push(schedule);
    longest = Math.max(longest, schedule.length);
    if (got.end === "final") {
      const key = stableJson(got.run.shared);
      const seen = outcomes.get(key);
      if (seen) seen.count++;
      else outcomes.set(key, { final: clone(got.run.shared) as S, count: 1, example: schedule });
    } else if (got.end === "deadlock") {
      const key = got.run.key();
      const seen = deadlocks.get(key);
      if (seen) seen.count++;
      else {
        const blocked = got.last!.flatMap((a) => (a.kind === "blocked" ? [{ thread: names[a.thread], waitsFor: a.waitsFor }] : []));
        deadlocks.set(key, { schedule, blocked, shared: clone(got.run.shared) as S, count: 1 });
      }
    } else if (got.end === "failed") {
      const e = got.error!;
      if (e.kind === "error") {
        const seen = failures.find((f) => f.thread === names[e.thread] && f.message === e.message);
        if (seen) seen.count++;
        else failures.push({ schedule: [...schedule, names[e.thread]], thread: names[e.thread], step: e.label, message: e.message, count: 1 });
      }
    } else if (stopped.count++ === 0) stopped.example = schedule;
  }
  const byKey = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  return {
    model: model.name,
    strategy,
    seed,
    runs,
    outcomes: byKey(outcomes),
    deadlocks: [...deadlocks.values()].sort((a, b) => a.schedule.length - b.schedule.length),
    failures,
    unfinished: stopped.count ? stopped : null,
    schedules,
    seconds: (performance.now() - started) / 1000,
  };
}

/** 0..n-1 in a random order (Fisher–Yates). */
function shuffle(n: number, random: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
