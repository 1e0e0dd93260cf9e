// Builds the kernel's V8 startup snapshot (entry.ts), after `tsc`, as part of `npm run build`:
//   node dist/kernel/snapshot/build.js
// Writes dist/kernel/snapshot/kernel.blob, and beside it the size and time of the node binary
// that built it: start.sh uses the snapshot only with that very binary, since another Node
// refuses it. A failed build removes the old snapshot and says why; the kernel then starts the
// plain way (a second slower), so the build itself does not fail.
import { spawnSync } from "node:child_process";
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SNAPSHOT = path.join(__dirname, "kernel.blob");
export const STAMP = `${SNAPSHOT}.node`;

/** The node binary's size and modification time, as `stat -L -c '%s %Y'` prints them in start.sh. */
export function nodeStamp(node = process.execPath): string {
  const { size, mtimeMs } = statSync(node);
  return `${size} ${Math.floor(mtimeMs / 1000)}`;
}

export function buildSnapshot(): boolean {
  const partial = `${SNAPSHOT}.${process.pid}.tmp`;
  // Node's snapshot builder runs its entry with require, __filename and __dirname, but no
  // `exports`, which tsc's CommonJS output writes to: the entry runs inside a function that has one.
  const entry = path.join(__dirname, `entry.${process.pid}.js`);
  writeFileSync(entry, `(function (exports) {\n${readFileSync(path.join(__dirname, "entry.js"), "utf8")}\n})({});\n`);
  rmSync(STAMP, { force: true });
  const built = spawnSync(process.execPath, ["--snapshot-blob", partial, "--build-snapshot", entry], { encoding: "utf8" });
  rmSync(entry, { force: true });
  if (built.status !== 0) {
    rmSync(partial, { force: true });
    rmSync(SNAPSHOT, { force: true });
    const why = `${built.stderr ?? ""}${built.error?.message ?? ""}`.trim().split("\n").slice(-3).join("\n");
    console.warn(`kernel snapshot not built (the kernel will start without it, about a second slower):\n${why}`);
    return false;
  }
  renameSync(partial, SNAPSHOT);
  writeFileSync(`${STAMP}.tmp`, `${nodeStamp()}\n`);
  renameSync(`${STAMP}.tmp`, STAMP);
  return true;
}

if (require.main === module) buildSnapshot();
