// Files written so that a reader sees the old content or the new one, never half of one, and
// an existing file is replaced only when the caller says so.
import { linkSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface WriteOptions {
  /** Replace the file if it exists. @default false */
  overwrite?: boolean;
}

/** Writes `content` to `file` atomically. Without `overwrite`, throws an EEXIST error if the file exists. */
export function writeFileAtomic(file: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  writeFileSync(temporary, content, { flag: "wx" });
  try {
    // link() fails if the name is taken, at the moment of the link: no check-then-write race.
    if (options.overwrite) renameSync(temporary, file);
    else linkSync(temporary, file);
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // renamed already
    }
  }
}
