// "Be the scheduler": one button per thread (« avancer A »), an undo button, and a panel with each
// thread's code (its next step highlighted), the shared memory, the history and a goal. Headless
// runs and handouts, which cannot click, show a replayed schedule instead of the buttons.
import { randomUUID } from "node:crypto";
import { publish, type MimeBundle } from "../../display/bridge.js";
import { MIME_BUNDLE } from "../../display/bundle.js";
import { messages } from "../../messages/index.js";
import { isFunction, plainObject, describe } from "../../options.js";
import { kernelComms } from "../../widgets/bridge.js";
import { Box, hbox, vbox } from "../../widgets/box.js";
import { Button, button } from "../../widgets/toggles.js";
import { WIDGET_VIEW_MIME } from "../../widgets/widget.js";
import { ModelError } from "../../errors.js";
import { checkModel, type Model } from "../model.js";
import { Stepper } from "../stepper.js";
import { HtmlPanel } from "./html.js";
import { panelHtml, replayHtml, replayText, type PanelView, type ReplayedStep } from "./render.js";

/** What a goal sees after each step. */
export interface SchedulerState<S = any> {
  shared: S;
  locals: Record<string, Record<string, any>>;
  /** The threads that moved, in order. */
  history: readonly string[];
  /** Every thread has finished. */
  finished: boolean;
  /** Not every thread has finished, and none can move. */
  deadlocked: boolean;
}

export interface SchedulerGoal<S = any> {
  /** The goal as the student reads it. @example "faites finir x à 1" */
  text: string;
  /**
   * Whether the goal holds in this state. It is tried after each step: once it holds, the goal
   * stays reached (✅, with its step) until that step is undone.
   */
  reached: (state: SchedulerState<S>) => boolean;
}

export interface SchedulerOptions<S = any> {
  /** A goal shown above the threads, and ✅ once reached. */
  goal?: SchedulerGoal<S>;
  /**
   * The schedule that headless runs and handouts show, step by step, instead of the buttons.
   * @default each thread in turn, as far as they go
   */
  replay?: readonly string[];
}

/** The steps a headless run shows when no schedule is given: each thread in turn. */
const ROUND_ROBIN_LIMIT = 60;

/**
 * The widget behind `scheduler(model, options)`.
 * @example
 * const ordo = scheduler(perte, { goal: { text: "faites finir x à 1", reached: (e) => e.finished && e.shared.x === 1 } });
 * ordo.history; // ["A", "B", …]: the threads moved so far
 */
export class Scheduler<S extends object = any> {
  readonly model: Model<S>;
  readonly buttons: Readonly<Record<string, Button>>;
  readonly undoButton: Button;
  readonly panel: HtmlPanel;
  readonly box: Box;
  readonly #stepper: Stepper<S>;
  readonly #goal: SchedulerGoal<S> | undefined;
  readonly #replay: readonly string[] | undefined;
  #notice: string | undefined;
  /** The length of the history when the goal first held along it. */
  #reachedAt: number | undefined;

  constructor(model: Model<S>, options: SchedulerOptions<S> = {}) {
    this.model = checkModel(model, "scheduler(model)") as Model<S>;
    const opts = plainObject("options", options) as SchedulerOptions<S>;
    this.#goal = checkGoal(opts.goal);
    this.#replay = checkSchedule(opts.replay, model.threadNames);
    this.#stepper = new Stepper(this.model);
    const m = messages().scheduler;
    this.buttons = Object.fromEntries(model.threadNames.map((name) => [name, button({ description: m.advance(name) })]));
    this.undoButton = button({ description: m.undo });
    for (const [name, b] of Object.entries(this.buttons)) b.on("click", () => void this.advance(name));
    this.undoButton.on("click", () => this.undo());
    this.panel = new HtmlPanel(panelHtml(this.#view()));
    this.box = vbox(hbox(...Object.values(this.buttons), this.undoButton), this.panel);
    show(this.bundle());
  }

  /** Moves `thread` one step, as its button does; false (and a message) if it cannot move. */
  advance(thread: string): boolean {
    let moved = false;
    try {
      const row = this.#stepper.step(thread);
      moved = row.error === undefined;
      this.#notice = row.error === undefined ? undefined : messages().scheduler.cannot(thread, row.error);
      if (moved && this.#reachedAt === undefined && this.#holds(this.#stepper)) this.#reachedAt = this.#stepper.history.length;
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      this.#notice = messages().scheduler.cannot(thread, error.message);
    }
    this.#redraw();
    return moved;
  }

  /** Takes back the last step, as the « annuler » button does. */
  undo(): void {
    this.#stepper.undo();
    this.#notice = undefined;
    if (this.#reachedAt !== undefined && this.#stepper.history.length < this.#reachedAt) this.#reachedAt = undefined;
    this.#redraw();
  }

  /** The threads that moved so far, in order: a schedule that replay() and the checks read. */
  get history(): string[] {
    return this.#stepper.schedule;
  }

  /** The state now, as the goal sees it. */
  get state(): SchedulerState<S> {
    return this.#state(this.#stepper);
  }

  /** Whether the goal held at some step of the history so far (false without a goal). */
  get reached(): boolean {
    return this.#reachedAt !== undefined;
  }

  /** Closes the buttons and the panel. */
  close(): void {
    this.box.close();
    for (const child of [...this.box.children, ...Object.values(this.buttons), this.undoButton, this.panel]) child.close();
  }

  /**
   * What the scheduler displays when made: the widget in JupyterLab; elsewhere (handouts, plain
   * terminals) the replayed schedule, as HTML and as text.
   */
  bundle(): MimeBundle {
    const { steps, end } = this.#replayed();
    const bundle: MimeBundle = { "text/html": replayHtml(steps, end), "text/plain": replayText(this.model.name, steps, end) };
    return this.box.live ? { [WIDGET_VIEW_MIME]: { model_id: this.box.modelId, version_major: 2, version_minor: 0 }, ...bundle } : bundle;
  }

  /** As a cell's last value: one line, since the scheduler is already shown above. */
  [MIME_BUNDLE](): MimeBundle {
    return { "text/plain": this.toString() };
  }

  toString(): string {
    return messages().scheduler.summary(this.model.name, this.model.threadNames.map((t) => messages().scheduler.advance(t)).join(", "));
  }

  #redraw(): void {
    this.panel.value = panelHtml(this.#view());
  }

  #state(stepper: Stepper<S>): SchedulerState<S> {
    const { shared, locals } = stepper.state;
    return { shared, locals, history: stepper.schedule, finished: stepper.finished, deadlocked: stepper.deadlocked };
  }

  #holds(stepper: Stepper<S>): boolean {
    if (!this.#goal) return false;
    try {
      return Boolean(this.#goal.reached(this.#state(stepper)));
    } catch {
      return false;
    }
  }

  #view(stepper = this.#stepper, notice = this.#notice, reachedAt = this.#reachedAt): PanelView {
    const state = this.#state(stepper);
    const blocked = new Map(stepper.blocked().map((b) => [b.thread, b.waitsFor]));
    const threads = stepper.threads.map((name) => {
      const source = stepper.source(name);
      const next = source.next ? { from: source.next.from - 1, to: source.next.to - 1 } : undefined;
      const steps = stepper.history.filter((row) => row.thread === name).length;
      return { name, lines: source.lines, next, steps, finished: source.next === undefined, blocked: blocked.get(name) };
    });
    return {
      goal: this.#goal?.text,
      reached: reachedAt !== undefined,
      reachedAt,
      threads,
      shared: state.shared,
      locks: stepper.state.locks,
      history: state.history,
      finished: state.finished,
      deadlocked: state.deadlocked,
      notice,
    };
  }

  /** A fresh execution of the replayed schedule (or each thread in turn), and the panel at its end. */
  #replayed(): { steps: ReplayedStep[]; end: PanelView } {
    const stepper = new Stepper(this.model);
    const steps: ReplayedStep[] = [];
    const take = (name: string) => {
      if (!stepper.enabled().includes(name)) return false;
      const row = stepper.step(name);
      if (row.error === undefined) steps.push({ thread: name, label: row.label, shared: row.shared });
      return row.error === undefined;
    };
    // The replay stops where the goal first holds: that is the moment to show.
    const goalHolds = () => this.#goal !== undefined && this.#holds(stepper);
    if (this.#replay) {
      for (const name of this.#replay) if (goalHolds() || !take(name)) break;
    } else {
      for (let moved = true; moved && !goalHolds() && steps.length < ROUND_ROBIN_LIMIT; ) {
        moved = false;
        for (const name of stepper.threads) if (!goalHolds() && steps.length < ROUND_ROBIN_LIMIT && take(name)) moved = true;
      }
    }
    return { steps, end: this.#view(stepper, undefined, goalHolds() ? steps.length : undefined) };
  }
}


function checkGoal<S>(goal: SchedulerGoal<S> | undefined): SchedulerGoal<S> | undefined {
  if (goal === undefined) return undefined;
  if (typeof goal !== "object" || goal === null || typeof goal.text !== "string") throw new TypeError(messages().scheduler.notGoal(describe(goal)));
  isFunction("options.goal.reached", goal.reached);
  return goal;
}

function checkSchedule(schedule: readonly string[] | undefined, names: readonly string[]): readonly string[] | undefined {
  if (schedule === undefined) return undefined;
  if (!Array.isArray(schedule) || schedule.some((s) => typeof s !== "string" || !names.includes(s))) {
    throw new TypeError(messages().scheduler.notSchedule(describe(schedule)));
  }
  return [...schedule];
}

/** Shows the scheduler once, where the cell's outputs go (kernel comms, or tslab's display). */
function show(bundle: MimeBundle): void {
  const comms = kernelComms();
  if (comms) comms.display({ data: bundle, metadata: {}, transient: { display_id: randomUUID() } }, false);
  else publish(bundle);
}

/**
 * Be the scheduler: a button per thread to move it one step, an undo button, each thread's code
 * with its next step highlighted, the shared memory, the history and, if given, a goal.
 * @example
 * const ordo = scheduler(perte, { goal: { text: "faites finir x à 1", reached: (e) => e.finished && e.shared.x === 1 } });
 */
export function scheduler<S extends object>(model: Model<S>, options: SchedulerOptions<S> = {}): Scheduler<S> {
  return new Scheduler(model, options);
}
