import { KERNEL_WRITER_KEY } from "../../src/display/bridge.js";

export interface SentDisplay {
  data: Record<string, unknown>;
  transient: { display_id?: string };
  update: boolean;
}

/** Stands in for the kernel's display writer and records what the library sends. */
export function captureDisplays(): { sent: SentDisplay[]; restore(): void } {
  const sent: SentDisplay[] = [];
  const g = globalThis as Record<symbol, unknown>;
  g[KERNEL_WRITER_KEY] = (message: Omit<SentDisplay, "update">, update: boolean) => sent.push({ ...message, update });
  return { sent, restore: () => delete g[KERNEL_WRITER_KEY] };
}

/**
 * Records the text written to process.stdout while `fn` runs. Binary writes pass through:
 * they are the test runner's own reports.
 */
export async function captureStdout(fn: () => Promise<unknown>): Promise<string> {
  const original = process.stdout.write;
  let text = "";
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    if (typeof chunk !== "string") return original.call(process.stdout, chunk, ...rest);
    text += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    await fn();
  } finally {
    process.stdout.write = original;
  }
  return text;
}
