// One execution of a model: live generators, the shared state, the locks, and the schedule so
// far. `step(i)` runs thread i's next atomic step if it can go; `undo()` goes back one step.
// Generators cannot be copied, so a thread whose generator went past where it should be (a
// blocked attempt, an undone step) is rebuilt by replaying its own steps: it is re-created and
// fed, step by step, the shared state each step saw then.
import { ModelError } from "../errors.js";
import { messages } from "../messages/index.js";
import { clone, restoreInPlace, stableJson } from "./json.js";
import type { Local, Model, StepRequest } from "./model.js";
import { isRequest } from "./requests.js";

interface LockState { readonly places: number; readonly fair: boolean; holders: string[]; queue: string[] }
interface Past { before: string; resume: unknown; label: string }
interface ThreadRun {
  readonly name: string;
  readonly local: Local;
  gen: Generator<unknown, unknown, unknown> | null;
  /** The label of its last step ("" before its first). */
  label: string;
  /** What its next `yield` gives back (tryAcquire's answer). */
  resume: unknown;
  /** The fair lock it queues for, if any. */
  waiting: string | null;
  finished: boolean;
  history: Past[];
  dirty: boolean;
}
type Meta = [label: string, resume: unknown, waiting: string | null, finished: boolean];
interface Snapshot { thread: number; shared: string; local: string; meta: Meta[]; locks: [string[], string[]][] }

export type Attempt =
  | { kind: "step"; thread: number; label: string; finished: boolean }
  | { kind: "blocked"; thread: number; waitsFor: string }
  | { kind: "finished"; thread: number }
  | { kind: "error"; thread: number; label: string; message: string; error: unknown };

/** Whether a replayed step ended as it did the first time. */
function sameStep(r: IteratorResult<unknown, unknown>, label: string): boolean {
  if (r.done) return label === messages().interleavings.end || label === "";
  if (typeof r.value === "string") return r.value === label;
  if (!isRequest(r.value)) return false;
  return r.value.label === label || (r.value.op === "acquire" && messages().interleavings.queued(r.value.lock) === label);
}

const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

export class Execution {
  readonly shared: Record<string, unknown>;
  readonly threads: ThreadRun[];
  readonly locks = new Map<string, LockState>();
  readonly schedule: string[] = [];
  private readonly undos: Snapshot[] = [];

  constructor(readonly model: Model) {
    this.shared = clone(model.shared) as Record<string, unknown>;
    this.threads = model.threadNames.map((name) => ({ name, local: {}, gen: null, label: "", resume: undefined, waiting: null, finished: false, history: [], dirty: true }));
    for (const [name, spec] of model.locks) this.locks.set(name, { places: spec.places, fair: spec.fair, holders: [], queue: [] });
  }

  /** A fresh execution that has run `schedule` (thread indexes); throws if a step cannot run. */
  static replay(model: Model, schedule: readonly number[]): Execution {
    const run = new Execution(model);
    for (const i of schedule) {
      const got = run.step(i);
      if (got.kind !== "step") throw new ModelError(messages().interleavings.replayDiverged(model.threadNames[i], run.schedule.length + 1));
    }
    return run;
  }

  /** The state, as one string: equal strings are the same state. */
  key(): string {
    const threads = this.threads.map((t) => [t.label, t.local, t.resume ?? null, t.waiting]);
    const locks = [...this.locks.values()].map((l) => [l.holders.slice().sort(), l.queue]);
    return stableJson([this.shared, threads, locks]);
  }

  get depth(): number {
    return this.schedule.length;
  }

  /** Who holds each lock, who queues for it. */
  lockView(): Record<string, { holders: string[]; queue: string[] }> {
    const view: Record<string, { holders: string[]; queue: string[] }> = {};
    for (const [name, l] of this.locks) view[name] = { holders: [...l.holders], queue: [...l.queue] };
    return view;
  }

  /** Runs thread `i`'s next step if it can go; otherwise leaves the state as it was. */
  step(i: number): Attempt {
    const t = this.threads[i];
    if (t.finished) return { kind: "finished", thread: i };
    if (t.waiting !== null) return { kind: "blocked", thread: i, waitsFor: messages().interleavings.queued(t.waiting) };
    if (t.dirty) this.rebuild(t);
    const snap = this.snapshot(i);
    let result: IteratorResult<unknown, unknown>;
    try {
      result = t.gen!.next(t.resume);
    } catch (error) {
      this.restore(snap);
      return { kind: "error", thread: i, label: messages().interleavings.threw, message: errorText(error), error };
    }
    if (result.done) {
      if (JSON.stringify(this.shared) === snap.shared && JSON.stringify(t.local) === snap.local) {
        t.finished = true;
        return { kind: "finished", thread: i };
      }
      return this.commit(snap, t, messages().interleavings.end, undefined, true);
    }
    const value = result.value;
    if (typeof value === "string") return this.commit(snap, t, value, undefined, false);
    if (!isRequest(value)) {
      this.restore(snap);
      throw new ModelError(messages().interleavings.badYield(t.name, stableJson(value) ?? String(value)));
    }
    return this.request(snap, t, value as StepRequest);
  }

  private request(snap: Snapshot, t: ThreadRun, req: StepRequest): Attempt {
    if (req.op === "wait") {
      let ok: boolean;
      try {
        ok = Boolean(req.until(this.shared));
      } catch (error) {
        this.restore(snap);
        return { kind: "error", thread: snap.thread, label: req.label, message: errorText(error), error };
      }
      if (!ok) return this.blocked(snap, req.label);
      return this.commit(snap, t, req.label, undefined, false);
    }
    const lock = this.locks.get(req.lock);
    if (!lock) {
      this.restore(snap);
      throw new ModelError(messages().interleavings.unknownLock(req.lock, [...this.locks.keys()], t.name));
    }
    const free = lock.holders.length < lock.places && lock.queue.length === 0;
    if (req.op === "acquire") {
      if (free) {
        lock.holders.push(t.name);
        return this.commit(snap, t, req.label, undefined, false);
      }
      if (!lock.fair) return this.blocked(snap, req.label);
      lock.queue.push(t.name);
      t.waiting = req.lock;
      return this.commit(snap, t, messages().interleavings.queued(req.lock), undefined, false);
    }
    if (req.op === "tryAcquire") {
      if (free) lock.holders.push(t.name);
      return this.commit(snap, t, req.label, free, false);
    }
    const at = lock.holders.indexOf(t.name);
    if (at < 0) {
      this.restore(snap);
      return { kind: "error", thread: snap.thread, label: req.label, message: messages().interleavings.notHeld(t.name, req.lock), error: null };
    }
    lock.holders.splice(at, 1);
    const next = lock.queue.shift();
    if (next !== undefined) {
      lock.holders.push(next);
      const waiter = this.threads.find((w) => w.name === next)!;
      waiter.waiting = null;
      waiter.resume = undefined;
    }
    return this.commit(snap, t, req.label, undefined, false);
  }

  private blocked(snap: Snapshot, waitsFor: string): Attempt {
    this.restore(snap);
    return { kind: "blocked", thread: snap.thread, waitsFor };
  }

  private commit(snap: Snapshot, t: ThreadRun, label: string, resume: unknown, finished: boolean): Attempt {
    t.history.push({ before: snap.shared, resume: t.resume, label });
    t.label = label;
    t.resume = resume;
    t.finished = finished;
    this.schedule.push(t.name);
    this.undos.push(snap);
    return { kind: "step", thread: snap.thread, label, finished };
  }

  /** Goes back one step. */
  undo(): void {
    const snap = this.undos.pop();
    if (!snap) return;
    this.schedule.pop();
    this.threads[snap.thread].history.pop();
    this.restore(snap);
  }

  private snapshot(i: number): Snapshot {
    const meta = this.threads.map((t): Meta => [t.label, t.resume, t.waiting, t.finished]);
    const locks: [string[], string[]][] = [];
    for (const l of this.locks.values()) locks.push([l.holders.slice(), l.queue.slice()]);
    // Plain JSON: restoring needs the data, not a canonical key.
    return { thread: i, shared: JSON.stringify(this.shared), local: JSON.stringify(this.threads[i].local), meta, locks };
  }

  private restore(snap: Snapshot): void {
    restoreInPlace(this.shared, snap.shared);
    const t = this.threads[snap.thread];
    restoreInPlace(t.local, snap.local);
    t.dirty = true;
    this.threads.forEach((th, k) => ([th.label, th.resume, th.waiting, th.finished] = snap.meta[k]));
    let k = 0;
    for (const l of this.locks.values()) [l.holders, l.queue] = [snap.locks[k][0].slice(), snap.locks[k++][1].slice()];
  }

  /** Re-creates thread `t`'s generator at its place, by replaying its own past steps. */
  private rebuild(t: ThreadRun): void {
    const index = this.threads.indexOf(t);
    const now = JSON.stringify(this.shared);
    const local = JSON.stringify(t.local);
    for (const key of Object.keys(t.local)) delete t.local[key];
    const gen = this.model.bodies[index](this.shared, t.local) as Generator<unknown, unknown, unknown>;
    try {
      for (const past of t.history) {
        restoreInPlace(this.shared, past.before);
        const r = gen.next(past.resume);
        if (!sameStep(r, past.label)) throw new ModelError(messages().interleavings.nondeterministic(t.name));
      }
    } finally {
      restoreInPlace(this.shared, now);
    }
    if (JSON.stringify(t.local) !== local) throw new ModelError(messages().interleavings.nondeterministic(t.name));
    t.gen = gen;
    t.dirty = false;
  }
}
