import { createRequire } from "node:module";

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
