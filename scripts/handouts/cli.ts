// `npm run handouts -- [options] [notebooks...]`: the command line and its --help.
import { language } from "../../src/messages/index.js";
import { HandoutError, messages } from "./messages.js";

export interface Command {
  help: boolean;
  booklet: boolean;
  slides: boolean;
  student: boolean;
  /** `name=value` strings, in order. */
  set: string[];
  outDir?: string;
  notebooks: string[];
}

export const HELP = {
  fr: `npm run handouts -- [options] [notebooks/NN-nom.ipynb ...]

Exécute chaque notebook dans un noyau neuf (notebooks/ n'est jamais modifié), puis écrit dans
handouts/ :
  NN-nom.ipynb   le notebook exécuté, avec ses sorties (GitHub l'affiche tel quel)
  NN-nom.html    la page autonome : graphiques en SVG, rien n'est chargé d'Internet
  NN-nom.pdf     la même page imprimée en A4 par Chromium, numéros de page en bas
Sans notebook nommé : tous ceux de notebooks/, dans l'ordre du cours.

Options :
  --set NOM=VALEUR  change un paramètre (la cellule taguée « parameters ») ; -p aussi.
                    Une cellule taguée « injected-parameters » est ajoutée après elle,
                    comme avec papermill. La valeur est un littéral TypeScript ou JSON : 3,
                    1.5, '"texte"' (un mot seul est une chaîne), true, '[1, 2, 4]'.
                    Répétable. Un nom qu'aucun notebook choisi ne déclare est refusé avant
                    toute exécution, et le message donne les vrais paramètres ; une valeur
                    du mauvais type aussi. S'applique à chaque notebook qui a ce paramètre.
  --booklet         le livret du cours : handouts/booklet.html et handouts/booklet.pdf,
                    avec une page de titre, un « Sommaire » avec les numéros de page, puis
                    chaque notebook dans l'ordre du cours, chacun sur une nouvelle page.
  --slides          un diaporama reveal.js par notebook : handouts/NN-nom.slides.html, une
                    diapositive par section (métadonnées slideshow.slide_type des cellules,
                    posées par npm run slides:metadata), code, sorties et graphiques SVG
                    compris. reveal.js (paquet npm) est inclus dans le fichier : il
                    fonctionne hors ligne. Flèches pour avancer, Échap pour la vue d'ensemble.
  --student         exporte l'édition élève (student/) au lieu de notebooks/ ; lance
                    d'abord node dist/scripts/student.js (npm run student) pour la refaire.
  --out DOSSIER     écrit ailleurs que dans handouts/.
  --help            cette aide.

Les PDF demandent Chromium (/usr/bin/chromium, ou CHROMIUM=/chemin) : sans lui, le HTML est
écrit quand même et la commande dit comment l'installer (apt-get install chromium).

Exemples :
  npm run handouts -- --set maxWorkers=3 notebooks/01-threads-et-processus.ipynb
  npm run handouts -- --booklet --set maxWorkers=2
  npm run handouts -- --slides notebooks/03-synchronisation.ipynb
`,
  en: `npm run handouts -- [options] [notebooks/NN-name.ipynb ...]

Executes each notebook in a fresh kernel (notebooks/ is never modified), then writes into
handouts/:
  NN-name.ipynb   the executed notebook, with its outputs (GitHub renders it as it is)
  NN-name.html    the self-contained page: plots as SVG, nothing fetched from the internet
  NN-name.pdf     the same page printed on A4 by Chromium, page numbers at the bottom
With no notebook named: all of notebooks/, in course order.

Options:
  --set NAME=VALUE  changes a parameter (the cell tagged "parameters"); -p too. A cell
                    tagged "injected-parameters" is added after it, as papermill does. The
                    value is a TypeScript or JSON literal: 3, 1.5, '"text"' (a bare word is
                    a string), true, '[1, 2, 4]'. Repeatable. A name that no chosen notebook
                    declares is refused before anything runs, naming the real parameters;
                    so is a value of the wrong type. Applies to every notebook that has it.
  --booklet         the course booklet: handouts/booklet.html and handouts/booklet.pdf, with
                    a title page, a "Sommaire" (contents) with page numbers, then every
                    notebook in course order, each from a new page.
  --slides          one reveal.js slideshow per notebook: handouts/NN-name.slides.html, one
                    slide per section (the cells' slideshow.slide_type metadata, set by
                    npm run slides:metadata), code, outputs and SVG plots included. reveal.js
                    (the npm package) is inlined: it works offline. Arrows move on, Esc shows
                    the overview.
  --student         exports the student edition (student/) instead of notebooks/; runs
                    node dist/scripts/student.js (npm run student) first to refresh it.
  --out DIR         writes somewhere other than handouts/.
  --help            this help.

PDFs need Chromium (/usr/bin/chromium, or CHROMIUM=/path): without it, the HTML is still
written and the command says how to install it (apt-get install chromium).

Examples:
  npm run handouts -- --set maxWorkers=3 notebooks/01-threads-et-processus.ipynb
  npm run handouts -- --booklet --set maxWorkers=2
  npm run handouts -- --slides notebooks/03-synchronisation.ipynb
`,
};

export const help = () => HELP[language()];

export function parseCommand(args: readonly string[]): Command {
  const command: Command = { help: false, booklet: false, slides: false, student: false, set: [], notebooks: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [option, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const next = args[++i];
      if (next === undefined) throw new HandoutError(messages.missingValue(option));
      return next;
    };
    if (option === "--help" || option === "-h") command.help = true;
    else if (option === "--booklet") command.booklet = true;
    else if (option === "--slides") command.slides = true;
    else if (option === "--student") command.student = true;
    else if (option === "--set" || option === "-p") command.set.push(value());
    else if (option === "--out") command.outDir = value();
    else if (option.startsWith("-")) throw new HandoutError(messages.unknownOption(option));
    else command.notebooks.push(arg);
  }
  return command;
}
