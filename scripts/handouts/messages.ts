// The handouts' user-facing messages, French by default, English with CONCURRENCE_LANG=en.
// They are the tool's, not the library's, so they stay here; the language is the catalog's.
import { language } from "../../src/messages/index.js";

const MESSAGES = {
  fr: {
    notNotebook: (file: string) => `${file} n'est pas un notebook (fichier .ipynb)`,
    noParametersCell: (notebook: string) => `${notebook} n'a pas de cellule taguée \`parameters\` : --set ne peut rien y changer`,
    badSet: (arg: string) => `--set attend NOM=VALEUR, par exemple --set maxWorkers=3 ; reçu \`${arg}\``,
    unknownParameter: (name: string, known: string) =>
      `--set ${name} : aucun des notebooks choisis n'a de paramètre « ${name} ». Paramètres connus : ${known}`,
    notLiteral: (name: string, value: string) =>
      `--set ${name}=${value} : la valeur doit être un littéral TypeScript ou JSON (nombre, "chaîne", true/false, [tableau], {objet}), pas une expression`,
    wrongType: (name: string, value: string, type: string, notebook: string) =>
      `--set ${name}=${value} : dans ${notebook}, ${name} est de type ${type} ; cette valeur ne convient pas`,
    unknownOption: (option: string) => `option inconnue ${option} : voir npm run handouts -- --help`,
    missingValue: (option: string) => `${option} attend une valeur : voir npm run handouts -- --help`,
    noStudentGenerator:
      "--student exporte l'édition élève de student/, qui n'existe pas encore : lancez d'abord `npm run student` (npm run build doit avoir compilé scripts/student.ts)",
    noStudentNotebooks: (dir: string) => `aucun notebook dans ${dir} : lancez \`npm run student\``,
    noChromium:
      "Chromium est introuvable : les PDF ne sont pas écrits (le HTML l'est). Installez-le (apt-get install chromium) ou donnez son chemin : CHROMIUM=/chemin/vers/chromium npm run handouts",
    chromiumFailed: (why: string) =>
      `Chromium n'a pas pu démarrer (${why}) : les PDF ne sont pas écrits (le HTML l'est). Installez Chromium (apt-get install chromium) ou donnez son chemin : CHROMIUM=/chemin/vers/chromium`,
    pdfMissing: (files: string) => `PDF non écrits : ${files}`,
    overflow: (file: string, what: string) => `${file} : dépasse la largeur de la page à l'impression : ${what}`,
    executing: (notebook: string) => `${notebook} : exécution…`,
    tried: (set: string) => `  paramètres injectés : ${set}`,
    wrote: (file: string) => `  ${file}`,
    noReveal: "le paquet npm reveal.js manque : lancez npm install",
    bookletDrift: (pages: number, expected: number) => `le livret a ${pages} pages au lieu de ${expected} : les numéros du Sommaire peuvent être décalés`,
    noGlyph: (file: string, chars: string) =>
      `${file} : aucune police installée ni embarquée n'a de glyphe pour ${chars} ; à l'impression, ce serait une case vide. Remplacez ce caractère dans le notebook, ou installez une police qui l'a`,
    noSymbolFont: "le paquet npm @fontsource/noto-emoji manque (la police des ✅ et ❌ des handouts) : lancez npm install",
  },
  en: {
    notNotebook: (file: string) => `${file} is not a notebook (.ipynb) file`,
    noParametersCell: (notebook: string) => `${notebook} has no cell tagged \`parameters\`: --set cannot change anything in it`,
    badSet: (arg: string) => `--set expects NAME=VALUE, for example --set maxWorkers=3; got \`${arg}\``,
    unknownParameter: (name: string, known: string) =>
      `--set ${name}: none of the chosen notebooks has a parameter "${name}". Known parameters: ${known}`,
    notLiteral: (name: string, value: string) =>
      `--set ${name}=${value}: the value must be a TypeScript or JSON literal (number, "string", true/false, [array], {object}), not an expression`,
    wrongType: (name: string, value: string, type: string, notebook: string) =>
      `--set ${name}=${value}: in ${notebook}, ${name} is a ${type}; this value does not fit`,
    unknownOption: (option: string) => `unknown option ${option}: see npm run handouts -- --help`,
    missingValue: (option: string) => `${option} needs a value: see npm run handouts -- --help`,
    noStudentGenerator:
      "--student exports the student edition in student/, which does not exist yet: run `npm run student` first (npm run build must have compiled scripts/student.ts)",
    noStudentNotebooks: (dir: string) => `no notebook in ${dir}: run \`npm run student\``,
    noChromium:
      "Chromium was not found: the PDFs are not written (the HTML is). Install it (apt-get install chromium) or give its path: CHROMIUM=/path/to/chromium npm run handouts",
    chromiumFailed: (why: string) =>
      `Chromium could not start (${why}): the PDFs are not written (the HTML is). Install Chromium (apt-get install chromium) or give its path: CHROMIUM=/path/to/chromium`,
    pdfMissing: (files: string) => `PDFs not written: ${files}`,
    overflow: (file: string, what: string) => `${file}: wider than the page when printed: ${what}`,
    executing: (notebook: string) => `${notebook}: executing…`,
    tried: (set: string) => `  injected parameters: ${set}`,
    wrote: (file: string) => `  ${file}`,
    noReveal: "the npm package reveal.js is missing: run npm install",
    bookletDrift: (pages: number, expected: number) => `the booklet has ${pages} pages instead of ${expected}: the Sommaire's numbers may be off`,
    noGlyph: (file: string, chars: string) =>
      `${file}: no installed or embedded font has a glyph for ${chars}; printed, it would be an empty box. Replace that character in the notebook, or install a font that has it`,
    noSymbolFont: "the npm package @fontsource/noto-emoji is missing (the font of the handouts' ✅ and ❌): run npm install",
  },
} as const;

export const messages = MESSAGES[language()];

/** A user's mistake: reported as one line, with no stack. */
export class HandoutError extends Error {
  override name = "HandoutError";
}
