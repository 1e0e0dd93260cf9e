// replay(model, schedule): one chosen interleaving, step by step, as table rows.
import { ModelError } from "../errors.js";
import { messages } from "../messages/index.js";
import { clone } from "./json.js";
import { checkModel, described, type Local, type Model } from "./model.js";
import { Execution, type Attempt } from "./run.js";
import { lineOf } from "./source.js";

/** One step of a replayed schedule. */
export interface ReplayRow<S = any> {
  /** 1, 2, 3… */
  step: number;
  thread: string;
  /** The label of the step (the value its `yield` gave). */
  label: string;
  /** The line of the thread's source where the step ends (its `yield`), 1 for the function's first line. */
  line?: number;
  /** The shared state after the step. */
  shared: S;
  /** The thread's own variables after the step. */
  locals: Local;
  /** The error the step threw, if it threw: the replay stops there. */
  error?: string;
}

/** Why thread `name` cannot take step `n`, as the catalog words it. */
export function whyNot(got: Attempt): string {
  const m = messages().interleavings;
  if (got.kind === "blocked") return m.waitsFor(got.waitsFor);
  if (got.kind === "finished") return m.hasFinished;
  if (got.kind === "error") return m.failed(got.message);
  return "";
}

/** Thread names to indexes, or a ModelError that names the bad step. */
export function indexesOf(model: Model, schedule: readonly string[]): number[] {
  if (!Array.isArray(schedule)) throw new TypeError(messages().options.array("schedule", described(schedule)));
  return schedule.map((name, k) => {
    const i = model.threadNames.indexOf(name);
    if (i < 0) throw new ModelError(messages().interleavings.unknownThread(String(name), [...model.threadNames], k + 1));
    return i;
  });
}

/**
 * Runs the model in the order `schedule` gives (one thread name per step) and returns one row
 * per step. A step that cannot run (the thread is blocked or has finished) is a ModelError that
 * says which and why; a step that throws ends the rows with its `error`.
 *
 * @example
 * show(replay(perte, ["A", "B", "A", "B", "A", "B"]));
 */
export function replay<S extends object>(m: Model<S>, schedule: readonly string[]): ReplayRow<S>[] {
  const model = checkModel(m, "replay") as Model<S>;
  const order = indexesOf(model, schedule);
  const run = new Execution(model);
  const rows: ReplayRow<S>[] = [];
  for (const [k, i] of order.entries()) {
    const thread = model.threadNames[i];
    const got = run.step(i);
    if (got.kind === "error") {
      rows.push({ step: k + 1, thread, label: got.label, shared: clone(run.shared) as S, locals: clone(run.threads[i].local), error: got.message });
      return rows;
    }
    if (got.kind !== "step") throw new ModelError(messages().interleavings.cannotMove(k + 1, thread, whyNot(got)));
    const line = lineOf(model.bodies[i], got.label);
    rows.push({ step: k + 1, thread, label: got.label, ...(line ? { line } : {}), shared: clone(run.shared) as S, locals: clone(run.threads[i].local) });
  }
  return rows;
}
