// The library's one door to the kernel's comms (kernel/comm.ts), found on globalThis as the
// display writer is (src/display/bridge.ts). Outside the concurrence kernel there is none:
// widgets then keep their values in this process and display as text.
import type { MimeBundle } from "../display/bridge.js";

/** The front end's messages to one comm. */
export interface CommHandlers {
  onMessage?(data: Record<string, unknown>): unknown;
  onClose?(data: Record<string, unknown>): void;
}

export interface KernelComms {
  open(commId: string, target: string, data: object, metadata: object, handlers: CommHandlers): void;
  send(commId: string, data: object): void;
  close(commId: string, data?: object): void;
  registerTarget(target: string, opener: (commId: string, data: Record<string, unknown>) => CommHandlers | undefined): void;
  display(content: { data: MimeBundle; metadata: Record<string, unknown>; transient: { display_id?: string } }, update: boolean): void;
}

/** Set by the project's kernel (kernel/comm.ts). */
export const KERNEL_COMMS_KEY = Symbol.for("concurrence.kernel-comms");

export function kernelComms(): KernelComms | undefined {
  const comms = (globalThis as Record<symbol, unknown>)[KERNEL_COMMS_KEY] as KernelComms | undefined;
  return typeof comms?.open === "function" ? comms : undefined;
}
