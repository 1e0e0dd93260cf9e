// `npm run handouts [-- notebooks/X.ipynb ...]`: each notebook is executed in a fresh kernel,
// then written to handouts/ as HTML (plots as inline SVG, nothing fetched from a CDN) and as
// PDF (printed by Chromium). Source notebooks are never modified.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NOTEBOOKS, PROJECT_ROOT, venvBin } from "./paths.js";
import { run, runMain } from "./run.js";
import { setup } from "./setup.js";

export const HANDOUTS = path.join(PROJECT_ROOT, "handouts");

export function chromium(): string {
  const candidates = [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) throw new Error("Chromium is needed to print PDF handouts: install it (apt install chromium) or set CHROMIUM=/path/to/chrome");
  return found;
}

/** Prints an HTML file to PDF with headless Chromium, atomically. */
export function printPdf(html: string, pdf: string): void {
  const profile = path.join(os.tmpdir(), `concurrence-pdf-${process.pid}`);
  const temporary = `${pdf}.${process.pid}.tmp`;
  try {
    run(
      chromium(),
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        `--user-data-dir=${profile}`,
        "--no-pdf-header-footer",
        `--print-to-pdf=${temporary}`,
        `file://${html}`,
      ],
      { stdio: ["ignore", "ignore", "ignore"] },
    );
    if (!existsSync(temporary)) throw new Error(`Chromium wrote no PDF for ${html}`);
    renameSync(temporary, pdf);
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(temporary, { force: true });
  }
}

/** Executes `notebook` and writes NAME.ipynb (executed), NAME.html and NAME.pdf into `outDir`. */
export function exportHandout(notebook: string, outDir = HANDOUTS): { html: string; pdf: string } {
  const source = path.resolve(notebook);
  if (!existsSync(source) || !source.endsWith(".ipynb")) throw new Error(`${notebook} is not a notebook (.ipynb) file`);
  mkdirSync(outDir, { recursive: true });
  const base = path.join(outDir, path.basename(source, ".ipynb"));
  const python = venvBin("python");
  run(python, [path.join(PROJECT_ROOT, "scripts", "execute_notebook.py"), source, `${base}.ipynb`]);
  run(python, [path.join(PROJECT_ROOT, "scripts", "notebook_to_html.py"), `${base}.ipynb`, `${base}.html`, path.dirname(source)]);
  printPdf(`${base}.html`, `${base}.pdf`);
  return { html: `${base}.html`, pdf: `${base}.pdf` };
}

function main(): void {
  setup();
  const requested = process.argv.slice(2);
  const notebooks = requested.length > 0 ? requested : readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(NOTEBOOKS, f));
  for (const notebook of notebooks) {
    console.log(`${path.basename(notebook)} ...`);
    const { html, pdf } = exportHandout(notebook);
    console.log(`  ${path.relative(process.cwd(), html)}\n  ${path.relative(process.cwd(), pdf)}`);
  }
}

if (require.main === module) runMain("handouts", main);
