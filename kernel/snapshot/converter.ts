// tslab's converter on the main thread, for a kernel started from its snapshot: TypeScript and
// the declarations are already in memory, so making it takes a tenth of a second, not a second
// in a worker thread (remote-converter.ts). It is made, and a first cell checked, while Jupyter
// waits after the first kernel_info reply, one step per turn of the event loop so that a request
// that arrives meanwhile waits for one step at most.
import { createConverter, type Converter } from "tslab/dist/converter";
import { LIBRARY_CELL, PLAIN_CELL } from "../warm-cells.js";
import { deferFolderWatches } from "../watches.js";
import { snapshotState } from "./state.js";

const LIBRARY_DELAY_MS = 1000;

let made: Converter | undefined;

/** The converter for Node cells, made now if the warm-up has not made it yet. */
export function localConverter(): Converter {
  if (made) return made;
  const state = snapshotState();
  if (state) deferFolderWatches(state.typescript.sys);
  return (made = createConverter({ isJS: false, isBrowser: false }));
}

/**
 * Makes the converter and checks a plain cell, one step per turn of the event loop, then the
 * library's types a second later: a first `1 + 1` then waits for none of it, and a first import
 * of the library, typed by a person, finds it done.
 */
export function warmUp(): void {
  setImmediate(() => {
    if (!tried(() => localConverter())) return;
    setImmediate(() => {
      if (!tried(() => localConverter().convert("", PLAIN_CELL))) return;
      setTimeout(() => tried(() => localConverter().convert("", LIBRARY_CELL)), LIBRARY_DELAY_MS).unref();
    });
  });
}

/** Runs one warm-up step; one that fails stops the warm-up: the real cell will say why (the library not built, for example). */
function tried(step: () => unknown): boolean {
  try {
    step();
    return true;
  } catch {
    return false;
  }
}
