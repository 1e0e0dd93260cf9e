// Worker threads' events reach the kernel through one bounded ring of shared memory: a worker
// claims a slot with one compare-and-swap, writes six numbers and publishes the slot; the kernel
// drains it on a timer. No message per event, no lock, and a full ring counts what it drops.
import { threadId } from "node:worker_threads";
import type { TraceEvent, TraceKind, TraceOutcome } from "./event.js";
import { tracing } from "./state.js";

/** Events a ring holds between two drains. */
export const RING_CAPACITY = 16384;
const FIELDS = 6;
// Header (Int32): [flag on, next slot to write, next slot to read, dropped]
const ON = 0;
const WRITE = 1;
const READ = 2;
const DROPPED = 3;
const HEADER_BYTES = 16;

// Numbers stand for strings across threads; these are all a worker reports.
const KINDS: TraceKind[] = ["task", "queued", "thread", "process", "wait", "hold", "put", "get", "request"];
const OUTCOMES: TraceOutcome[] = ["ok", "error", "crashed", "cancelled", "timeout", "open"];
const NAMES = ["Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition", "Barrier", "Event", "Queue", "Connection", "request"];

interface Views {
  header: Int32Array;
  seq: Int32Array;
  data: Float64Array;
}

let views: Views | undefined;
let kernelViews: Views | undefined;

function viewsOf(buffer: SharedArrayBuffer): Views {
  return {
    header: new Int32Array(buffer, 0, 4),
    seq: new Int32Array(buffer, HEADER_BYTES, RING_CAPACITY),
    data: new Float64Array(buffer, HEADER_BYTES + 4 * RING_CAPACITY, FIELDS * RING_CAPACITY),
  };
}

/** The kernel's ring, made once; its first cell is the flag every thread reads. Passed to workers. */
export function traceRing(): SharedArrayBuffer {
  if (!tracing.ring) {
    const buffer = new SharedArrayBuffer(HEADER_BYTES + 4 * RING_CAPACITY + 8 * FIELDS * RING_CAPACITY);
    const fresh = viewsOf(buffer);
    fresh.header[ON] = tracing.flags[0]; // a trace may have started before the first worker
    tracing.ring = buffer;
    tracing.flags = fresh.header;
  }
  return tracing.ring;
}

/** A worker thread reads the kernel's flag and writes into its ring. */
export function attachRing(buffer: SharedArrayBuffer | undefined): void {
  if (!buffer) return;
  views = viewsOf(buffer);
  tracing.flags = views.header;
}

/** Records one event from a worker thread: one CAS, six stores; dropped (and counted) when full. */
export function pushEvent(kind: TraceKind, name: string, start: number, end: number, outcome: TraceOutcome): void {
  if (!views) return;
  const { header, seq, data } = views;
  let slot: number;
  do {
    slot = Atomics.load(header, WRITE);
    if (slot - Atomics.load(header, READ) >= RING_CAPACITY) {
      Atomics.add(header, DROPPED, 1);
      return;
    }
  } while (Atomics.compareExchange(header, WRITE, slot, slot + 1) !== slot);
  const at = (slot % RING_CAPACITY) * FIELDS;
  data[at] = KINDS.indexOf(kind);
  data[at + 1] = NAMES.indexOf(name);
  data[at + 2] = threadId;
  data[at + 3] = start;
  data[at + 4] = end;
  data[at + 5] = OUTCOMES.indexOf(outcome);
  Atomics.store(seq, slot % RING_CAPACITY, slot + 1); // published: the kernel may read it now
}

/** The kernel takes every published event, in order, and the drop count since last time. */
export function drainRing(take: (event: TraceEvent) => void): number {
  if (!tracing.ring) return 0;
  if (kernelViews?.header.buffer !== tracing.ring) kernelViews = viewsOf(tracing.ring);
  const { header, seq, data } = kernelViews;
  let read = Atomics.load(header, READ);
  while (Atomics.load(seq, read % RING_CAPACITY) === read + 1) {
    const at = (read % RING_CAPACITY) * FIELDS;
    take({
      kind: KINDS[data[at]],
      name: NAMES[data[at + 1]] ?? "?",
      place: "thread",
      worker: data[at + 2],
      start: data[at + 3],
      end: data[at + 4],
      outcome: OUTCOMES[data[at + 5]],
    });
    read++;
  }
  Atomics.store(header, READ, read);
  return Atomics.exchange(header, DROPPED, 0);
}

/** Turns recording on or off in every thread. */
export function setFlag(on: boolean): void {
  Atomics.store(tracing.flags, ON, on ? 1 : 0);
}
