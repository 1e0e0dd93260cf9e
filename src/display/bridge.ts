import { createRequire } from "node:module";
import { booleanOption, plainObject } from "../options.js";

/** A Jupyter MIME bundle: MIME type -> content. */
export type MimeBundle = Record<string, unknown>;

interface DisplayMessage {
  data: MimeBundle;
  metadata: Record<string, unknown>;
  transient: { display_id?: string };
}
type Writer = (message: DisplayMessage, update: boolean) => void;

/** Set by the project's kernel (kernel/) for each execution: the display_data writer of that cell. */
export const KERNEL_WRITER_KEY = Symbol.for("concurrence.kernel-display");

const localRequire = createRequire(__filename);

function tslabWriter(): Writer | null {
  try {
    return (localRequire("tslab/dist/jupyter") as { lastWriteDisplayData: Writer | null }).lastWriteDisplayData;
  } catch {
    return null;
  }
}

function currentWriter(): Writer | null {
  const fromKernel = (globalThis as Record<symbol, unknown>)[KERNEL_WRITER_KEY];
  return typeof fromKernel === "function" ? (fromKernel as Writer) : tslabWriter();
}

/**
 * Sends one display_data (or update_display_data) carrying every MIME type of `bundle`.
 * Outside Jupyter, prints the text/plain part and returns false.
 */
export function publish(bundle: MimeBundle, options: { displayId?: string; update?: boolean } = {}): boolean {
  const writer = currentWriter();
  if (!writer) {
    if (!options.update) console.log(String(bundle["text/plain"] ?? ""));
    return false;
  }
  const transient = options.displayId ? { display_id: options.displayId } : {};
  writer({ data: bundle, metadata: {}, transient }, options.update ?? false);
  return true;
}

/** Set by the project's kernel (kernel/) for each execution: clears that cell's outputs. */
export const KERNEL_CLEAR_KEY = Symbol.for("concurrence.kernel-clear-output");

export interface ClearOutputOptions {
  /**
   * Wait until the next output arrives before clearing, so that a cell redrawn in a loop
   * does not flicker (IPython's `clear_output(wait=True)`). @default false
   */
  wait?: boolean;
}

/**
 * Clears the running cell's outputs, like IPython's `clear_output`. Outside the concurrence
 * kernel there is nothing to clear, and it returns false.
 * @example
 * for (let step = 1; step <= 3; step++) {
 *   clearOutput({ wait: true }); // the previous step's line goes when this one arrives
 *   console.log(`étape ${step}/3`);
 *   await new Promise((r) => setTimeout(r, 500));
 * }
 */
export function clearOutput(options: ClearOutputOptions = {}): boolean {
  const { wait = false } = plainObject("options", options) as ClearOutputOptions;
  booleanOption("options.wait", wait);
  const clear = (globalThis as Record<symbol, unknown>)[KERNEL_CLEAR_KEY];
  if (typeof clear !== "function") return false;
  (clear as (wait: boolean) => void)(wait);
  return true;
}
