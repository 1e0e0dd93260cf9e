import { booleanOption, describe, plainObject } from "../options.js";
import { messages } from "../messages/index.js";
import type { State } from "./model.js";
import { Widget } from "./widget.js";

export interface SliderOptions {
  /** @default 0 */
  min?: number;
  /** @default 100 */
  max?: number;
  /** A fractional step makes a FloatSlider, a whole one an IntSlider. @default 1 */
  step?: number;
  /** @default min */
  value?: number;
  /** Written left of the slider. @default "" */
  description?: string;
  /**
   * Send values while the handle is dragged, not only when it is released. Off by default, so that
   * an `interact` re-runs its computation once per move. @default false
   */
  continuousUpdate?: boolean;
  /** @default false */
  disabled?: boolean;
}

/**
 * A slider: ipywidgets' IntSlider, or FloatSlider when `step` is fractional.
 * @example
 * const s = slider({ min: 1, max: 8, value: 2, description: "workers" });
 * s; // drawn by JupyterLab; then s.value is what the student chose
 */
export class Slider extends Widget<number> {
  readonly #integer: boolean;

  constructor(options: SliderOptions = {}) {
    const { min, max, step, value, integer } = checkSlider(plainObject("options", options) as SliderOptions);
    const state: State = {
      min,
      max,
      step,
      value,
      description: textOption("options.description", options.description),
      description_allow_html: false,
      disabled: booleanOption("options.disabled", options.disabled ?? false),
      continuous_update: booleanOption("options.continuousUpdate", options.continuousUpdate ?? false),
      orientation: "horizontal",
      readout: true,
      readout_format: integer ? "d" : ".2f",
      behavior: "drag-tap",
    };
    super(integer ? "IntSliderModel" : "FloatSliderModel", integer ? "IntSliderView" : "FloatSliderView", "SliderStyleModel", state);
    this.#integer = integer;
  }

  get value(): number {
    return this.get("value") as number;
  }

  set value(value: number) {
    const checked = inRange("value", value, this.min, this.max, this.#integer);
    const previous = this.value;
    this.set({ value: checked });
    void this.emit(checked, previous);
  }

  get min(): number {
    return this.get("min") as number;
  }

  get max(): number {
    return this.get("max") as number;
  }

  protected override accept(key: string, value: unknown): unknown {
    if (key !== "value" || typeof value !== "number" || !Number.isFinite(value)) return undefined;
    const kept = Math.min(this.max, Math.max(this.min, this.#integer ? Math.round(value) : value));
    return kept;
  }

  protected override changed(previous: State): unknown {
    return this.emit(this.value, previous.value as number);
  }
}

/** A slider (IntSlider, or FloatSlider when `step` is fractional). */
export function slider(options: SliderOptions = {}): Slider {
  return new Slider(options);
}

function checkSlider(options: SliderOptions): { min: number; max: number; step: number; value: number; integer: boolean } {
  const step = finite("options.step", options.step ?? 1);
  if (step <= 0) throw new RangeError(`options.step must be a number > 0, got ${describe(step)}`);
  const integer = Number.isInteger(step);
  const min = finite("options.min", options.min ?? 0);
  const max = finite("options.max", options.max ?? 100);
  if (min > max) throw new RangeError(messages().widgets.minAboveMax(describe(min), describe(max)));
  for (const [name, bound] of [["options.min", min], ["options.max", max]] as const) inRange(name, bound, -Infinity, Infinity, integer);
  const value = inRange("options.value", options.value ?? min, min, max, integer);
  return { min, max, step, value, integer };
}

function finite(name: string, value: unknown): number {
  if (typeof value !== "number") throw new TypeError(`${name} must be a number, got ${describe(value)}`);
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${describe(value)}`);
  return value;
}

function inRange(name: string, value: unknown, min: number, max: number, integer: boolean): number {
  const n = finite(name, value);
  if (integer && !Number.isInteger(n)) {
    throw new RangeError(`${name} must be an integer for a slider with a whole step (give a fractional step, e.g. 0.1, for a FloatSlider), got ${describe(n)}`);
  }
  if (n < min || n > max) throw new RangeError(messages().widgets.outOfRange(name, describe(n), min, max));
  return n;
}

/** A text option: a string, empty by default. */
export function textOption(name: string, value: unknown): string {
  if (value === undefined) return "";
  if (typeof value !== "string") throw new TypeError(`${name} must be a string, got ${describe(value)}`);
  return value;
}
