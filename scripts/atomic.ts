import { renameSync, writeFileSync } from "node:fs";

/** Writes a file so that readers see the old content or the new one, never half of it. */
export function writeFileAtomic(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}
