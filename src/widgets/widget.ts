import type { MimeBundle } from "../display/bridge.js";
import { MIME_BUNDLE } from "../display/bundle.js";
import { isFunction, oneOf } from "../options.js";
import { messages } from "../messages/index.js";
import { BASE, CONTROLS, Model, reference, type State } from "./model.js";

export const WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json";

/**
 * Any widget, whatever its value: `Widget<number>` is no `Widget<unknown>`, since its listeners
 * take numbers, so collections of widgets (boxes, interact's controls) use this.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyWidget = Widget<any>;

/** A listener of "change": the new value and the one before. It may return a promise. */
export type ChangeListener<T> = (value: T, previous: T) => unknown;

/** The style model each control names (@jupyter-widgets/controls 2.0.0). */
export type StyleModel = "SliderStyleModel" | "DescriptionStyleModel" | "CheckboxStyleModel" | "ButtonStyleModel";

/**
 * A control that the user drives: its model, and its layout and style as their own models,
 * as ipywidgets 8 makes them. `value` reads what the front end last sent.
 */
export abstract class Widget<T> extends Model {
  readonly #layout: Model;
  readonly #style: Model | undefined;
  readonly #listeners = new Set<ChangeListener<T>>();

  protected constructor(modelName: string, viewName: string, styleName: StyleModel | undefined, state: State) {
    const layout = new Model({ name: "LayoutModel", ...BASE }, { name: "LayoutView", ...BASE }, {});
    const style = styleName && new Model({ name: styleName, ...CONTROLS }, { name: "StyleView", ...BASE }, { description_width: "" });
    super({ name: modelName, ...CONTROLS }, { name: viewName, ...CONTROLS }, {
      _dom_classes: [],
      layout: reference(layout),
      ...(style ? { style: reference(style) } : {}),
      tabbable: null,
      tooltip: null,
      ...state,
    });
    this.#layout = layout;
    this.#style = style;
  }

  /** The value the control shows. */
  abstract get value(): T;

  /** The description written next to the control. */
  get description(): string {
    return String(this.get("description") ?? "");
  }

  /**
   * Calls `listener(value, previous)` each time the value changes, from the front end or from code.
   * @example
   * s.on("change", (workers) => console.log(`${workers} workers`));
   */
  on(event: "change", listener: ChangeListener<T>): this {
    oneOf("event", event, ["change"]);
    isFunction("listener", listener);
    this.#listeners.add(listener);
    return this;
  }

  /** Stops calling `listener`. */
  off(event: "change", listener: ChangeListener<T>): this {
    oneOf("event", event, ["change"]);
    this.#listeners.delete(listener);
    return this;
  }

  /** Tells the listeners; resolves when the promises they returned have settled. */
  protected async emit(value: T, previous: T): Promise<void> {
    if (Object.is(value, previous)) return;
    await Promise.allSettled([...this.#listeners].map(async (listener) => listener(value, previous)));
  }

  override close(): void {
    super.close();
    this.#layout.close();
    this.#style?.close();
  }

  /** A widget view for JupyterLab, with a line of text for exports and plain terminals. */
  [MIME_BUNDLE](): MimeBundle {
    const text = this.toString();
    if (!this.live) return { "text/plain": this.closed ? `${text} (${messages().widgets.closed})` : text };
    return { [WIDGET_VIEW_MIME]: { model_id: this.modelId, version_major: 2, version_minor: 0 }, "text/plain": text };
  }

  /** What a notebook exported without widget state shows, like ipywidgets' repr. */
  override toString(): string {
    const name = String(this.get("_model_name")).replace(/Model$/, "");
    const shown = this.description ? `${JSON.stringify(this.description)}: ` : "";
    return `${name}(${shown}${JSON.stringify(this.value)})`;
  }
}
