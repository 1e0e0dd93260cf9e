// `npm run handouts [-- options] [notebooks...]`: each notebook is executed in a fresh kernel,
// then written to handouts/ as HTML (plots as inline SVG, nothing fetched from a CDN), PDF
// (printed by Chromium), a reveal.js slideshow, or one course booklet. `--help` says it all;
// the pipeline lives in scripts/handouts/. Source notebooks are never modified.
import path from "node:path";
import { PROJECT_ROOT } from "./paths.js";
import { runMain } from "./run.js";
import { setup } from "./setup.js";
import { help, parseCommand } from "./handouts/cli.js";
import { checkRequest, runPipeline, type PipelineResult } from "./handouts/pipeline.js";
import { selectNotebooks } from "./handouts/sources.js";

export const HANDOUTS = path.join(PROJECT_ROOT, "handouts");

/** Executes `notebook` and writes NAME.ipynb (executed), NAME.html and NAME.pdf into `outDir`. */
export async function exportHandout(notebook: string, outDir = HANDOUTS, options: { set?: string[]; slides?: boolean } = {}): Promise<PipelineResult> {
  return runPipeline({ notebooks: [notebook], outDir, set: options.set, slides: options.slides, log: () => {} });
}

async function main(): Promise<void> {
  const command = parseCommand(process.argv.slice(2));
  if (command.help) {
    process.stdout.write(help());
    return;
  }
  const notebooks = selectNotebooks(command.notebooks, command.student);
  // A wrong --set is refused before anything runs, the venv's setup included.
  const assignments = checkRequest(notebooks, command.set);
  setup();
  const outDir = path.resolve(command.outDir ?? HANDOUTS);
  const slidesOnly = command.slides && !command.booklet;
  await runPipeline({ notebooks, outDir, assignments, slides: command.slides, booklet: command.booklet, pdf: !slidesOnly, html: !slidesOnly });
}

if (require.main === module) runMain("handouts", main);
