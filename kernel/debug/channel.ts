// What the main thread and the debugger's thread say to each other.
import type { Cell } from "../cells.js";

export interface ConnectionInfo {
  transport: string;
  ip: string;
  key: string;
  iopub_port: number;
  control_port: number;
  hb_port: number;
  shell_port: number;
  stdin_port: number;
}

export interface ThreadData {
  conn: ConnectionInfo;
  /** Int32 flags, below. */
  shared: SharedArrayBuffer;
}

/** 1 while JupyterLab's debugger is on: each new cell then waits for its breakpoints. */
export const FLAG_ON = 0;
/** The last cell whose breakpoints are placed. */
export const FLAG_TICKET = 1;
/** 1 once the thread has sent its last messages and closed its sockets. */
export const FLAG_CLOSED = 2;
export const FLAGS = 3;

type Frames = Array<Uint8Array | string>;

export type FromMain =
  | { t: "iopub"; frames: Frames }
  | { t: "control"; frames: Frames }
  | { t: "cell"; cell: Cell; ticket: number }
  | { t: "close" };

export type FromThread = { t: "ready" } | { t: "failed"; reason: string } | { t: "control"; frames: Uint8Array[] };
