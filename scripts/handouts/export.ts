// One notebook through the pipeline: parameters injected, executed in a fresh kernel with
// the source's folder as its working directory, streams merged, then HTML and slides. The
// source is only read; every file is written atomically (by the Python scripts, or here).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeFileAtomic } from "../atomic.js";
import { PROJECT_ROOT, venvBin } from "../paths.js";
import { run } from "../run.js";
import { embedSymbolFont } from "./glyphs.js";
import { HandoutError, messages } from "./messages.js";
import { notebookText, readNotebook } from "./notebook.js";
import { injectParameters, type Assignment } from "./parameters.js";

export interface ConvertOptions {
  outDir: string;
  assignments?: readonly Assignment[];
  /** Write NAME.html (default true) and NAME.slides.html (default false). */
  html?: boolean;
  slides?: boolean;
  /** The kernel's working directory and where relative images are found: the source's folder by default. */
  cwd?: string;
}

export interface Converted {
  source: string;
  /** NAME.ipynb: the executed notebook, with its outputs, beside the HTML. */
  executed: string;
  html?: string;
  slides?: string;
  applied: Assignment[];
}

const script = (name: string) => path.join(PROJECT_ROOT, "scripts", name);

export function checkNotebookFile(notebook: string): string {
  const source = path.resolve(notebook);
  if (!existsSync(source) || !source.endsWith(".ipynb")) throw new HandoutError(messages.notNotebook(notebook));
  return source;
}

/** Where reveal.js's npm package is, to inline it. */
function revealDir(): string {
  try {
    return path.dirname(require.resolve("reveal.js/package.json", { paths: [PROJECT_ROOT] }));
  } catch {
    throw new HandoutError(messages.noReveal);
  }
}

/** Executes `notebook` and writes its executed .ipynb, HTML and slides into `options.outDir`. */
export function executeAndConvert(notebook: string, options: ConvertOptions): Converted {
  const source = checkNotebookFile(notebook);
  const cwd = options.cwd ?? path.dirname(source);
  mkdirSync(options.outDir, { recursive: true });
  const base = path.join(options.outDir, path.basename(source, ".ipynb"));
  const python = venvBin("python");
  const scratch = mkdtempSync(path.join(os.tmpdir(), "concurrence-handout-"));
  try {
    const { nb, applied } = injectParameters(source, readNotebook(source), options.assignments ?? []);
    let input = source;
    if (applied.length > 0) {
      input = path.join(scratch, path.basename(source));
      writeFileAtomic(input, notebookText(nb));
    }
    const executed = `${base}.ipynb`;
    run(python, [script("execute_notebook.py"), input, executed, "--cwd", cwd, "--coalesce-streams"]);
    const result: Converted = { source, executed, applied };
    if (options.html ?? true) {
      result.html = `${base}.html`;
      run(python, [script("notebook_to_html.py"), executed, result.html, cwd]);
      embedSymbolFont(result.html);
    }
    if (options.slides) {
      result.slides = `${base}.slides.html`;
      run(python, [script("notebook_to_html.py"), executed, result.slides, cwd, "--slides", revealDir()]);
      embedSymbolFont(result.slides);
    }
    return result;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
