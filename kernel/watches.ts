// TypeScript's program watches the folders where a module was looked for and not found (so that a
// package installed later is seen). On Linux it walks and watches each folder of node_modules:
// about 0.15 s, which the first cell would wait for. The watches start a moment later instead.

/** The part of TypeScript's `ts.sys` that watches folders (either TypeScript's typings fit). */
interface FolderWatching {
  watchDirectory?(folder: string, callback: (file: string) => void, recursive?: boolean, options?: never): { close(): void };
  deferred?: true;
}

/** How long after the program is made its folder watches start. */
const DELAY_MS = 2000;

/** Defers `ts.sys.watchDirectory`, which tslab's converter inherits; once per TypeScript. */
export function deferFolderWatches(sys: FolderWatching): void {
  const watch = sys.watchDirectory?.bind(sys);
  if (!watch || sys.deferred) return;
  sys.deferred = true;
  sys.watchDirectory = (folder, callback, recursive, options) => {
    let watcher: { close(): void } | undefined;
    const timer = setTimeout(() => (watcher = watch(folder, callback, recursive, options)), DELAY_MS);
    timer.unref();
    return {
      close() {
        clearTimeout(timer);
        watcher?.close();
      },
    };
  };
}
