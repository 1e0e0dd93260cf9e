import { randomUUID } from "node:crypto";
import { inspect } from "node:util";
import { publish, type MimeBundle } from "../display/bridge.js";
import { displayBundle, MIME_BUNDLE } from "../display/bundle.js";
import { isFunction, plainObject, describe } from "../options.js";
import { endScope, register, track } from "../runtime/registry.js";
import { newScope, runInScope, type Scope } from "../runtime/scope.js";
import { kernelComms } from "./bridge.js";
import { vbox, type Box } from "./box.js";
import { messages } from "../messages/index.js";
import { Widget, type AnyWidget } from "./widget.js";

/** The values of `controls`, by the same names. */
export type ValuesOf<C extends Record<string, AnyWidget>> = { [K in keyof C]: C[K]["value"] };

export interface InteractContext {
  /** Aborted when this call is replaced (a control moved), interrupted, or its cell re-run. */
  signal: AbortSignal;
}

/** How long a replaced call may take to end before the next one starts anyway. */
const GRACE_MS = 2_000;
const CELL_ID_KEY = Symbol.for("concurrence.cell-id");

interface Call {
  controller: AbortController;
  scope: Scope;
  done: Promise<void>;
  /** Set when fn has returned (or failed): cancelling the call then changes nothing. */
  finished: boolean;
}

/**
 * `interact(controls, fn)`: shows the controls and, below them, one output that `fn` fills with
 * what it returns (a plot, rows, text). When a control changes, the running call is cancelled (its
 * signal aborts, and the pools, threads and processes it made are stopped) and `fn` runs again;
 * its result replaces the previous one in place. Headless runs and exports keep the first result.
 * @example
 * interact({ workers: slider({ min: 1, max: 8, value: 2 }) }, async ({ workers }) => {
 *   const rows = await sweep({ workers: workerCounts(workers), modes, progress: false });
 *   return plots.timeVsWorkers(rows);
 * });
 */
export class Interact<C extends Record<string, AnyWidget>> {
  readonly controls: C;
  readonly box: Box;
  readonly displayId = randomUUID();
  readonly #fn: (values: ValuesOf<C>, context: InteractContext) => unknown;
  readonly #cellId = (globalThis as Record<symbol, unknown>)[CELL_ID_KEY] as string | undefined;
  readonly #forget: () => void;
  readonly #listener = () => this.#run();
  #call: Call | undefined;
  #closed = false;

  constructor(controls: C, fn: (values: ValuesOf<C>, context: InteractContext) => unknown) {
    const given = Object.entries(plainObject("controls", controls));
    if (given.length === 0) throw new RangeError(messages().widgets.noControls);
    for (const [name, control] of given) {
      if (!(control instanceof Widget)) throw new TypeError(messages().widgets.notAWidget(`controls.${name}`, describe(control)));
    }
    const entries = given as Array<[string, AnyWidget]>;
    isFunction("fn", fn);
    this.controls = controls;
    this.#fn = fn;
    this.box = vbox(...entries.map(([, control]) => control));
    this.#forget = register({ interrupt: (reason) => this.#interrupted(reason), dispose: async () => this.close() });
    for (const [, control] of entries) control.on("change", this.#listener);
    this.#show(this.box[MIME_BUNDLE](), { update: false });
    this.#show({ "text/plain": messages().widgets.computing }, { displayId: this.displayId, update: false });
    void track(this.#run());
  }

  /** The controls' values now. */
  get values(): ValuesOf<C> {
    return Object.fromEntries(Object.entries(this.controls).map(([name, control]) => [name, control.value])) as ValuesOf<C>;
  }

  /** Cancels the running call and closes the controls' box; the last output stays. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#forget();
    this.#cancel(new Error("interact closed"));
    for (const control of Object.values(this.controls)) control.off("change", this.#listener);
    this.box.close();
  }

  /** Replaces the running call by a new one; resolves when it ends, or is itself replaced. */
  #run(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    const previous = this.#call;
    this.#cancel(new Error("replaced by a newer value"));
    const controller = new AbortController();
    const scope = newScope(this.#cellId);
    const values = this.values;
    const work = (async () => {
      if (previous) await Promise.race([previous.done, delay(GRACE_MS)]);
      if (controller.signal.aborted) return;
      let bundle: MimeBundle;
      try {
        const value = await runInScope(scope, () => this.#fn(values, { signal: controller.signal }));
        bundle = (await displayBundle(value)) ?? { "text/plain": value === undefined ? "" : inspect(value) };
      } catch (error) {
        bundle = { "text/plain": messages().widgets.failed((error as Error)?.message ?? String(error)) };
      }
      if (!controller.signal.aborted) this.#show(bundle, { displayId: this.displayId, update: true });
    })().finally(() => endScope(scope, new Error("interact call ended")));
    const call: Call = { controller, scope, done: work.then(() => {}, () => {}), finished: false };
    void call.done.then(() => (call.finished = true));
    const done = call.done;
    this.#call = call;
    // The caller (the front end's message) waits for this call, not for a call that ignores its signal.
    const aborted = new Promise<void>((resolve) => controller.signal.addEventListener("abort", () => resolve(), { once: true }));
    return Promise.race([done, aborted]);
  }

  /** Cancels the running call; says whether one was running. */
  #cancel(reason: Error): boolean {
    const call = this.#call;
    if (!call || call.finished || call.controller.signal.aborted) return false;
    call.controller.abort(reason);
    void endScope(call.scope, reason);
    return true;
  }

  /** The stop button: the running call ends, and its output says so until the next change. */
  #interrupted(reason: Error): void {
    if (this.#cancel(reason)) this.#show({ "text/plain": messages().widgets.interrupted }, { displayId: this.displayId, update: true });
  }

  /** One output, updated in place: with the message that caused it as parent (kernel/comm.ts). */
  #show(bundle: MimeBundle, options: { displayId?: string; update: boolean }): void {
    const comms = kernelComms();
    const transient = options.displayId ? { display_id: options.displayId } : {};
    if (comms) comms.display({ data: bundle, metadata: {}, transient }, options.update);
    else publish(bundle, options);
  }
}

/** Shows `controls` and the output of `fn(values)`, re-run when a control changes. */
export function interact<C extends Record<string, AnyWidget>>(controls: C, fn: (values: ValuesOf<C>, context: InteractContext) => unknown): Interact<C> {
  return new Interact(controls, fn);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
