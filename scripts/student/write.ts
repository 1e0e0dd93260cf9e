// Writes the student edition into a folder without ever losing a student's work: a file that
// differs from what was generated last time (its hash is in the manifest) is kept, unless forced,
// and even then the old file is saved in .edition-backup/ first.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../atomic.js";
import { serialize, studentNotebook, type NotebookJson } from "./edition.js";

export const MANIFEST = ".edition.json";
export const BACKUP = ".edition-backup";

export interface EditionOptions {
  /** The teacher's notebooks. */
  from: string;
  /** The student edition's folder, made if missing. */
  to: string;
  /** Regenerate files that a student changed (their old content goes to .edition-backup/). */
  force?: boolean;
}
export interface EditionReport {
  written: string[];
  unchanged: string[];
  kept: string[];
  /** Files replaced by --force, with where their old content was saved. */
  replaced: { file: string; backup: string }[];
}
interface Manifest {
  version: 1;
  files: Record<string, string>;
}

const sha256 = (content: string | Buffer) => createHash("sha256").update(content).digest("hex");

function readManifest(folder: string): Manifest {
  const file = path.join(folder, MANIFEST);
  if (!existsSync(file)) return { version: 1, files: {} };
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Manifest;
    return { version: 1, files: parsed.files ?? {} };
  } catch {
    return { version: 1, files: {} }; // A broken manifest protects every file: none is "ours".
  }
}

/** The lesson notebooks of a folder, NN-*.ipynb, in order. */
export function lessonNotebooks(folder: string): string[] {
  return readdirSync(folder).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).sort();
}

/** Files beside the notebooks that they show (images/): copied when missing or changed. */
function copyAssets(from: string, to: string): void {
  for (const entry of readdirSync(from)) {
    const source = path.join(from, entry);
    if (entry.startsWith(".") || entry.endsWith(".ipynb")) continue;
    const target = path.join(to, entry);
    if (statSync(source).isDirectory()) {
      mkdirSync(target, { recursive: true });
      copyAssets(source, target);
    } else if (!existsSync(target) || sha256(readFileSync(source)) !== sha256(readFileSync(target))) {
      copyFileSync(source, target);
    }
  }
}

export function writeEdition(options: EditionOptions): EditionReport {
  const { from, to, force = false } = options;
  mkdirSync(to, { recursive: true });
  const manifest = readManifest(to);
  const report: EditionReport = { written: [], unchanged: [], kept: [], replaced: [] };
  for (const name of lessonNotebooks(from)) {
    const teacher = JSON.parse(readFileSync(path.join(from, name), "utf8")) as NotebookJson;
    const content = serialize(studentNotebook(teacher));
    const target = path.join(to, name);
    const fresh = sha256(content);
    if (existsSync(target)) {
      const current = sha256(readFileSync(target));
      if (current === fresh) {
        manifest.files[name] = fresh;
        report.unchanged.push(name);
        continue;
      }
      if (current !== manifest.files[name]) {
        if (!force) {
          report.kept.push(name);
          continue;
        }
        const backup = path.join(to, BACKUP, `${name.replace(/\.ipynb$/, "")}.${new Date().toISOString().replace(/[:.]/g, "-")}.ipynb`);
        mkdirSync(path.dirname(backup), { recursive: true });
        copyFileSync(target, backup);
        report.replaced.push({ file: name, backup: path.relative(to, backup) });
      }
    }
    writeFileAtomic(target, content);
    manifest.files[name] = fresh;
    if (!report.replaced.some((r) => r.file === name)) report.written.push(name);
  }
  copyAssets(from, to);
  writeFileAtomic(path.join(to, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  return report;
}
