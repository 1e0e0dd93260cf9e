// Cell functions are written once into shared memory that every pool worker thread can read, so
// a task carries only a function's number: its source is neither re-sent nor re-compiled per task.
// Entries are appended by the main thread only: [id, byte length, UTF-8 source], 4-byte aligned.

const FIRST_ENTRY = 8; // after the header: [bytes used, unused]
const MAX_BYTES = 64 << 20;

type Growable = SharedArrayBuffer & { grow(length: number): void; readonly maxByteLength: number };
const makeGrowable = SharedArrayBuffer as unknown as new (length: number, options: { maxByteLength: number }) => Growable;

// Main thread side.
let table: Growable | undefined;
const ids = new Map<string, number>();
const outside = new Set<number>();

export function functionTable(): SharedArrayBuffer {
  if (!table) {
    table = new makeGrowable(64 << 10, { maxByteLength: MAX_BYTES });
    Atomics.store(new Int32Array(table, 0, 2), 0, FIRST_ENTRY);
  }
  return table;
}

/** A number for `source`, the same each time; the source is written into the table once. */
export function functionId(source: string): number {
  let id = ids.get(source);
  if (id === undefined) {
    id = ids.size + 1;
    ids.set(source, id);
    if (!append(id, source)) outside.add(id);
  }
  return id;
}

/** Whether worker threads find this function in the table (else its source goes with the task). */
export function inTable(id: number): boolean {
  return !outside.has(id);
}

function append(id: number, source: string): boolean {
  const buffer = functionTable() as Growable;
  const header = new Int32Array(buffer, 0, 2);
  const bytes = Buffer.from(source, "utf8");
  const used = Atomics.load(header, 0);
  const end = used + 8 + Math.ceil(bytes.length / 4) * 4;
  if (end > buffer.byteLength) {
    if (end > buffer.maxByteLength) return false;
    buffer.grow(Math.min(buffer.maxByteLength, Math.max(end, 2 * buffer.byteLength)));
  }
  new Int32Array(buffer, used, 2).set([id, bytes.length]);
  new Uint8Array(buffer, used + 8, bytes.length).set(bytes);
  Atomics.store(header, 0, end); // readers see the entry once it is complete
  return true;
}

// Worker thread side.
let attached: SharedArrayBuffer | undefined;
let readUpTo = FIRST_ENTRY;
const sources = new Map<number, string>();

export function attachTable(buffer: SharedArrayBuffer): void {
  attached = buffer;
}

/** The source of function `id`, read from the table (once: the caller keeps the compiled function). */
export function tableSource(id: number): string | undefined {
  if (!sources.has(id) && attached) {
    const used = Atomics.load(new Int32Array(attached, 0, 2), 0);
    while (readUpTo < used) {
      const [entryId, length] = new Int32Array(attached, readUpTo, 2);
      sources.set(entryId, Buffer.from(attached, readUpTo + 8, length).toString("utf8"));
      readUpTo += 8 + Math.ceil(length / 4) * 4;
    }
  }
  const source = sources.get(id);
  sources.delete(id);
  return source;
}
