import { writeFileAtomic as writeAtomically } from "../src/files/index.js";

/** Writes a file so that readers see the old content or the new one, never half of it; an existing file is replaced. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  writeAtomically(file, content, { overwrite: true });
}
