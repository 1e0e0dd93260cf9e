// One ipywidgets model (protocol 2) behind one comm on the target `jupyter.widget`:
// https://github.com/jupyter-widgets/ipywidgets/blob/main/packages/schema/messages.md
import { randomUUID } from "node:crypto";
import { register } from "../runtime/registry.js";
import { kernelComms, type CommHandlers, type KernelComms } from "./bridge.js";

export const WIDGET_TARGET = "jupyter.widget";
export const PROTOCOL_VERSION = "2.1.0";
export const CONTROLS = { module: "@jupyter-widgets/controls", version: "2.0.0" } as const;
export const BASE = { module: "@jupyter-widgets/base", version: "2.0.0" } as const;

export type State = Record<string, unknown>;

/** Every model open in this kernel, by id: what `request_states` answers. */
const OPEN = new Map<string, Model>();

/**
 * A model whose state the front end mirrors. It opens its comm when made, closes it with
 * close(), and belongs to the cell that made it: re-running the cell closes it.
 */
export class Model {
  /** The comm id, which is the model id of `IPY_MODEL_…` references and of widget views. */
  readonly modelId = randomUUID().replace(/-/g, "");
  readonly #state: State;
  readonly #comms: KernelComms | undefined = kernelComms();
  readonly #forget: () => void;
  #closed = false;

  constructor(model: { name: string; module: string; version: string }, view: { name: string | null; module: string; version: string }, state: State) {
    this.#state = {
      _model_name: model.name,
      _model_module: model.module,
      _model_module_version: model.version,
      _view_name: view.name,
      _view_module: view.module,
      _view_module_version: view.version,
      _view_count: null,
      ...state,
    };
    this.#forget = register({ interrupt: () => {}, dispose: async () => this.close() });
    OPEN.set(this.modelId, this);
    this.#comms?.open(this.modelId, WIDGET_TARGET, { state: this.#state, buffer_paths: [] }, { version: PROTOCOL_VERSION }, this.handlers);
  }

  /** What the kernel calls on the front end's messages to this model's comm. */
  readonly handlers: CommHandlers = {
    onMessage: (data) => this.#received(data),
    onClose: () => this.#ended(),
  };

  /** Whether the front end can draw it: a comm is open to a kernel. */
  get live(): boolean {
    return this.#comms !== undefined && !this.#closed;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** A copy of the full state, as the front end has it. */
  get state(): State {
    return { ...this.#state };
  }

  protected get(key: string): unknown {
    return this.#state[key];
  }

  /** Changes the state here and on the front end. */
  protected set(changes: State): void {
    Object.assign(this.#state, changes);
    if (this.live) this.#comms!.send(this.modelId, { method: "update", state: changes, buffer_paths: [] });
  }

  /**
   * The front end changed `key`: the value to keep, or undefined to refuse it. Subclasses say
   * which keys the user may change (the slider's value, the dropdown's index).
   */
  protected accept(_key: string, _value: unknown): unknown {
    return undefined;
  }

  /** Called once the state holds the front end's accepted changes; may return a promise. */
  protected changed(_previous: State): unknown {
    return undefined;
  }

  /** A custom message from the front end (a button's click). */
  protected custom(_content: Record<string, unknown>): unknown {
    return undefined;
  }

  /** Closes the comm: the front end forgets the model, and views of it go away. */
  close(): void {
    if (this.#closed) return;
    this.#ended();
    this.#comms?.close(this.modelId);
  }

  #ended(): void {
    this.#closed = true;
    this.#forget();
    OPEN.delete(this.modelId);
  }

  async #received(data: Record<string, unknown>): Promise<unknown> {
    switch (data.method) {
      case "update":
        return this.#update((data.state ?? {}) as State);
      case "request_state":
        return this.#comms?.send(this.modelId, { method: "update", state: this.#state, buffer_paths: [] });
      case "custom":
        return this.custom((data.content ?? {}) as Record<string, unknown>);
      default:
        return undefined;
    }
  }

  #update(incoming: State): unknown {
    const previous = { ...this.#state };
    const accepted: State = {};
    for (const [key, value] of Object.entries(incoming)) {
      const kept = this.accept(key, value);
      if (kept !== undefined) accepted[key] = kept;
    }
    if (Object.keys(accepted).length === 0) return undefined;
    Object.assign(this.#state, accepted);
    // ipywidgets 8: the kernel echoes what it kept, so that every view agrees on it.
    this.#comms?.send(this.modelId, { method: "echo_update", state: accepted, buffer_paths: [] });
    return this.changed(previous);
  }
}

/** A front end that reconnects (a reloaded page) opens a comm again on a model it knows. */
export function openModel(modelId: string): Model | undefined {
  return OPEN.get(modelId);
}

/** `IPY_MODEL_<id>`: how one model's state refers to another. */
export function reference(model: Model): string {
  return `IPY_MODEL_${model.modelId}`;
}

/** The states of every open model, for the front end's `jupyter.widget.control` comm. */
export function openStates(): Record<string, { model_name: unknown; model_module: unknown; model_module_version: unknown; state: State }> {
  const states: ReturnType<typeof openStates> = {};
  for (const [id, model] of OPEN) {
    const state = model.state;
    states[id] = { model_name: state._model_name, model_module: state._model_module, model_module_version: state._model_module_version, state };
  }
  return states;
}
