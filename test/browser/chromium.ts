// Which Chromium the browser tests use, checked before anything starts: without one, they fail
// in milliseconds with the fix, instead of after starting JupyterLab (and leaving it behind).
import { accessSync, constants } from "node:fs";
import { language } from "../../src/messages/index.js";

const MESSAGES = {
  fr: (path: string) =>
    `Chromium est introuvable (${path}) : les tests du navigateur en ont besoin. Installez-le (apt-get install chromium) ou indiquez le vôtre avec CHROMIUM=/chemin/vers/chromium.`,
  en: (path: string) => `Chromium was not found (${path}): the browser tests need it. Install it (apt-get install chromium) or point to yours with CHROMIUM=/path/to/chromium.`,
};

/** The Chromium to launch: $CHROMIUM, or Debian's /usr/bin/chromium. Throws, with the fix, if it cannot run. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM ?? "/usr/bin/chromium";
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(MESSAGES[language()](path));
  }
  return path;
}
