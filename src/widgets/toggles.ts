import { booleanOption, isFunction, oneOf, plainObject } from "../options.js";
import type { State } from "./model.js";
import { textOption } from "./slider.js";
import { Widget, type ChangeListener } from "./widget.js";

export interface CheckboxOptions {
  /** @default false */
  value?: boolean;
  /** @default "" */
  description?: string;
  /** @default false */
  disabled?: boolean;
}

/** A check box (ipywidgets' Checkbox). @example const lock = checkbox({ value: true, description: "verrou" }); */
export class Checkbox extends Widget<boolean> {
  constructor(options: CheckboxOptions = {}) {
    const opts = plainObject("options", options) as CheckboxOptions;
    const state: State = {
      value: booleanOption("options.value", opts.value ?? false),
      description: textOption("options.description", opts.description),
      description_allow_html: false,
      disabled: booleanOption("options.disabled", opts.disabled ?? false),
      indent: true,
    };
    super("CheckboxModel", "CheckboxView", "CheckboxStyleModel", state);
  }

  get value(): boolean {
    return this.get("value") as boolean;
  }

  set value(value: boolean) {
    const previous = this.value;
    this.set({ value: booleanOption("value", value) });
    void this.emit(value, previous);
  }

  protected override accept(key: string, value: unknown): unknown {
    return key === "value" && typeof value === "boolean" ? value : undefined;
  }

  protected override changed(previous: State): unknown {
    return this.emit(this.value, previous.value as boolean);
  }
}

export interface ButtonOptions {
  /** The button's text. @default "" */
  description?: string;
  /** @default "" */
  tooltip?: string;
  /** @default false */
  disabled?: boolean;
}

/**
 * A button (ipywidgets' Button). Its value counts the clicks; "click" and "change" both fire on each.
 * @example button({ description: "Relancer" }).on("click", () => run());
 */
export class Button extends Widget<number> {
  #clicks = 0;

  constructor(options: ButtonOptions = {}) {
    const opts = plainObject("options", options) as ButtonOptions;
    const state: State = {
      description: textOption("options.description", opts.description),
      tooltip: textOption("options.tooltip", opts.tooltip) || null,
      disabled: booleanOption("options.disabled", opts.disabled ?? false),
      button_style: "",
      icon: "",
    };
    super("ButtonModel", "ButtonView", "ButtonStyleModel", state);
  }

  get value(): number {
    return this.#clicks;
  }

  override on(event: "change" | "click", listener: ChangeListener<number>): this {
    oneOf("event", event, ["change", "click"]);
    isFunction("listener", listener);
    return super.on("change", listener);
  }

  /** Clicks the button from code, as the front end does. */
  click(): Promise<void> {
    this.#clicks++;
    return this.emit(this.#clicks, this.#clicks - 1);
  }

  protected override custom(content: Record<string, unknown>): unknown {
    return content.event === "click" ? this.click() : undefined;
  }
}

export function checkbox(options: CheckboxOptions = {}): Checkbox {
  return new Checkbox(options);
}

export function button(options: ButtonOptions = {}): Button {
  return new Button(options);
}
