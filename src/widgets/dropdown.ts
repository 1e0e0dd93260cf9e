import { booleanOption, describe, isArray, plainObject } from "../options.js";
import { messages } from "../messages/index.js";
import type { State } from "./model.js";
import { textOption } from "./slider.js";
import { Widget } from "./widget.js";

export type Choice = string | number | boolean;

export interface DropdownOptions<T extends Choice> {
  /** The choices, shown as text. */
  options: readonly T[];
  /** @default options[0] */
  value?: T;
  /** @default "" */
  description?: string;
  /** @default false */
  disabled?: boolean;
}

/**
 * A drop-down list (ipywidgets' Dropdown). The front end sends the chosen index; `value` is the option.
 * @example
 * const kind = dropdown({ options: ["CPU", "E/S"], value: "CPU", description: "tâche" });
 */
export class Dropdown<T extends Choice> extends Widget<T> {
  readonly options: readonly T[];

  constructor(options: DropdownOptions<T>) {
    const opts = plainObject("options", options) as unknown as DropdownOptions<T>;
    isArray("options.options", opts.options);
    if (opts.options.length === 0) throw new RangeError(messages().widgets.noOptions);
    opts.options.forEach((option, i) => {
      if (!["string", "number", "boolean"].includes(typeof option)) throw new TypeError(`options.options[${i}] must be a string, a number or a boolean, got ${describe(option)}`);
    });
    const choices = [...opts.options];
    const index = opts.value === undefined ? 0 : choices.indexOf(opts.value);
    if (index < 0) throw new RangeError(messages().widgets.notAnOption(describe(opts.value), choices.map((c) => JSON.stringify(c)).join(", ")));
    const state: State = {
      _options_labels: choices.map(String),
      index,
      description: textOption("options.description", opts.description),
      description_allow_html: false,
      disabled: booleanOption("options.disabled", opts.disabled ?? false),
    };
    super("DropdownModel", "DropdownView", "DescriptionStyleModel", state);
    this.options = Object.freeze(choices);
  }

  get value(): T {
    return this.options[this.get("index") as number];
  }

  set value(value: T) {
    const index = this.options.indexOf(value);
    if (index < 0) throw new RangeError(messages().widgets.notAnOption(describe(value), this.options.map((c) => JSON.stringify(c)).join(", ")));
    const previous = this.value;
    this.set({ index });
    void this.emit(value, previous);
  }

  protected override accept(key: string, value: unknown): unknown {
    return key === "index" && Number.isInteger(value) && (value as number) >= 0 && (value as number) < this.options.length ? value : undefined;
  }

  protected override changed(previous: State): unknown {
    return this.emit(this.value, this.options[previous.index as number]);
  }
}

/** A drop-down list of `options`. */
export function dropdown<T extends Choice>(options: DropdownOptions<T>): Dropdown<T> {
  return new Dropdown(options);
}
