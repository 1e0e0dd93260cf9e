// stepper(model): be the scheduler. The state machine under the "avancer A" buttons: which
// threads can move, move one, undo, and where each thread is in its code.
import { ModelError } from "../errors.js";
import { messages } from "../messages/index.js";
import { clone } from "./json.js";
import { checkModel, type Local, type Model } from "./model.js";
import { indexesOf, whyNot, type ReplayRow } from "./replay.js";
import { Execution, type Attempt } from "./run.js";
import { lineOf, sourceLines } from "./source.js";

export interface StepperState<S = any> {
  shared: S;
  locals: Record<string, Local>;
  /** Who holds each lock, who queues for it. */
  locks: Record<string, { holders: string[]; queue: string[] }>;
}

/** A thread's code and where it stands: lines are 1-based, in the function's own text. */
export interface ThreadSource {
  thread: string;
  lines: string[];
  /** The next step: its label and the lines it spans (from after the last `yield` to the next one). */
  next?: { label: string; from: number; to: number; blocked: boolean };
}

export class Stepper<S extends object = any> {
  readonly threads: readonly string[];
  readonly history: ReplayRow<S>[] = [];
  private run: Execution;
  private probe: { depth: number; attempts: Attempt[] } | null = null;

  constructor(readonly model: Model<S>) {
    this.threads = model.threadNames;
    this.run = new Execution(model);
  }

  /** What each thread would do now (tried, then undone). */
  private attempts(): Attempt[] {
    if (this.probe?.depth === this.run.depth) return this.probe.attempts;
    const attempts = this.threads.map((_, i) => {
      const got = this.run.step(i);
      if (got.kind === "step") this.run.undo();
      return got;
    });
    this.probe = { depth: this.run.depth, attempts };
    return attempts;
  }

  /** The threads that can take a step now. */
  enabled(): string[] {
    return this.attempts().flatMap((a) => (a.kind === "step" || a.kind === "error" ? [this.threads[a.thread]] : []));
  }

  /** The threads that cannot move now, with what they wait for. */
  blocked(): { thread: string; waitsFor: string }[] {
    return this.attempts().flatMap((a) => (a.kind === "blocked" ? [{ thread: this.threads[a.thread], waitsFor: a.waitsFor }] : []));
  }

  /** Every thread has finished. */
  get finished(): boolean {
    return this.attempts().every((a) => a.kind === "finished");
  }

  /** Some thread has not finished, and none can move. */
  get deadlocked(): boolean {
    const all = this.attempts();
    return !all.every((a) => a.kind === "finished") && all.every((a) => a.kind === "finished" || a.kind === "blocked");
  }

  /** The schedule so far: one thread name per step. */
  get schedule(): string[] {
    return [...this.run.schedule];
  }

  get state(): StepperState<S> {
    const locals: Record<string, Local> = {};
    this.run.threads.forEach((t) => (locals[t.name] = clone(t.local)));
    return { shared: clone(this.run.shared) as S, locals, locks: this.run.lockView() };
  }

  /** Moves `thread` one step; a thread that is blocked or finished is a ModelError that says so. */
  step(thread: string): ReplayRow<S> {
    const [i] = indexesOf(this.model, [thread]);
    const n = this.run.depth + 1;
    const got = this.run.step(i);
    this.probe = null;
    if (got.kind === "error") {
      const row: ReplayRow<S> = { step: n, thread, label: got.label, shared: clone(this.run.shared) as S, locals: clone(this.run.threads[i].local), error: got.message };
      return row;
    }
    if (got.kind !== "step") throw new ModelError(messages().interleavings.cannotMove(n, thread, whyNot(got)));
    const line = lineOf(this.model.bodies[i], got.label);
    const row: ReplayRow<S> = { step: n, thread, label: got.label, ...(line ? { line } : {}), shared: clone(this.run.shared) as S, locals: clone(this.run.threads[i].local) };
    this.history.push(row);
    return row;
  }

  /** Takes back the last step; false when there is none. */
  undo(): boolean {
    if (this.run.depth === 0) return false;
    this.run.undo();
    this.history.pop();
    this.probe = null;
    return true;
  }

  /** Back to the start. */
  reset(): void {
    this.run = new Execution(this.model);
    this.history.length = 0;
    this.probe = null;
  }

  /** A thread's code, with the lines of its next step. */
  source(thread: string): ThreadSource {
    const [i] = indexesOf(this.model, [thread]);
    const body = this.model.bodies[i];
    const lines = sourceLines(body);
    const got = this.attempts()[i];
    const label = got.kind === "step" || got.kind === "error" ? got.label : got.kind === "blocked" ? got.waitsFor : undefined;
    if (label === undefined) return { thread, lines };
    const last = this.run.threads[i].label;
    const from = (last ? lineOf(body, last) ?? 1 : 1) + 1;
    const to = lineOf(body, label) ?? from;
    return { thread, lines, next: { label, from: Math.min(from, to), to, blocked: got.kind === "blocked" } };
  }
}

/**
 * The interactive state machine of "be the scheduler": `enabled()`, `step("A")`, `undo()`,
 * `history`, `state`, `finished`, `deadlocked`, `source("A")`.
 *
 * @example
 * const s = stepper(perte); s.step("A"); s.step("B"); s.state.shared; // { x: 0 }
 */
export function stepper<S extends object>(m: Model<S>): Stepper<S> {
  return new Stepper(checkModel(m, "stepper") as Model<S>);
}
