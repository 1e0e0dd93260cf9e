// Messages of the widgets and interact() (src/widgets/), in English: the type is the French file's.
import type { widgets as fr } from "../fr/widgets.js";

export const widgets: typeof fr = {
  minAboveMax: (min, max) => `options.min must be at most options.max, got min ${min} and max ${max}`,
  outOfRange: (name, value, min, max) => `${name} must be between ${min} and ${max}, got ${value}`,
  notAnOption: (value, options) => `options.value must be one of the options (${options}), got ${value}`,
  noOptions: "options.options must hold at least one option: give for example { options: [\"CPU\", \"I/O\"] }",
  notAWidget: (name, value) => `${name} must be a widget (slider, dropdown, checkbox…), got ${value}`,
  noControls: "interact needs at least one control, for example interact({ workers: slider({ min: 1, max: 8 }) }, fn)",
  computing: "computing…",
  interrupted: "Computation interrupted: change a value to run it again.",
  failed: (message) => `The computation failed: ${message}`,
  closed: "closed widget",
};
