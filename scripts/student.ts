// `npm run student`: writes the student edition of the course (solutions removed, outputs
// cleared) into student/. A notebook the student changed is kept; --force regenerates it.
//   npm run student -- --from notebooks --to /home/jovyan/cours [--force]
import path from "node:path";
import { parseArgs } from "node:util";
import { language } from "../src/messages/index.js";
import { NOTEBOOKS, PROJECT_ROOT } from "./paths.js";
import { runMain } from "./run.js";
import { writeEdition, type EditionReport } from "./student/write.js";

export const STUDENT = path.join(PROJECT_ROOT, "student");

const MESSAGES = {
  fr: {
    written: (n: number, to: string) => `${n} notebook(s) écrit(s) dans ${to}`,
    unchanged: (n: number) => `${n} déjà à jour`,
    kept: (files: string[]) => `gardé(s) tel(s) quel(s), car modifié(s) depuis la dernière génération : ${files.join(", ")} (--force pour les régénérer ; l'ancienne version sera sauvegardée)`,
    replaced: (file: string, backup: string) => `${file} régénéré ; l'ancienne version est dans ${backup}`,
  },
  en: {
    written: (n: number, to: string) => `${n} notebook(s) written to ${to}`,
    unchanged: (n: number) => `${n} already up to date`,
    kept: (files: string[]) => `kept as they are, because they changed since they were generated: ${files.join(", ")} (--force regenerates them; the old version is saved)`,
    replaced: (file: string, backup: string) => `${file} regenerated; its old version is in ${backup}`,
  },
};
const messages = () => MESSAGES[language()];

/** The options of the command line: --from, --to and --force. */
export function studentOptions(args: string[]): { from: string; to: string; force: boolean } {
  const { values } = parseArgs({
    args,
    options: { from: { type: "string" }, to: { type: "string" }, force: { type: "boolean", default: false } },
    strict: true,
  });
  return {
    from: path.resolve(values.from ?? NOTEBOOKS),
    to: path.resolve(values.to ?? STUDENT),
    force: values.force ?? false,
  };
}

export function describe(report: EditionReport, to: string): string[] {
  const m = messages();
  const said = [m.written(report.written.length + report.replaced.length, to)];
  if (report.unchanged.length) said.push(m.unchanged(report.unchanged.length));
  if (report.kept.length) said.push(m.kept(report.kept));
  for (const r of report.replaced) said.push(m.replaced(r.file, r.backup));
  return said;
}

function main(): void {
  const options = studentOptions(process.argv.slice(2));
  for (const line of describe(writeEdition(options), options.to)) console.log(line);
}

if (require.main === module) runMain("npm run student", main);
