// Which Chromium the browser tests use: the handouts' lookup (scripts/handouts/chromium.ts), checked
// before anything starts: without one, the tests are skipped (test/helpers/optional.ts) or, under
// CONCURRENCE_TEST_ALL=1, fail in milliseconds with the fix, before JupyterLab starts.
import { chromiumCandidates, findChromium } from "../../scripts/handouts/chromium.js";
import { language } from "../../src/messages/index.js";

const MESSAGES = {
  fr: (where: string) =>
    `Chromium est introuvable (${where}) : les tests du navigateur en ont besoin. Installez-le (apt-get install chromium) ou indiquez le vôtre avec CHROMIUM=/chemin/vers/chromium.`,
  en: (where: string) => `Chromium was not found (${where}): the browser tests need it. Install it (apt-get install chromium) or point to yours with CHROMIUM=/path/to/chromium.`,
};

/** The Chromium to launch. Throws, with the fix, if there is none. */
export function chromiumPath(): string {
  const found = findChromium();
  if (!found) throw new Error(MESSAGES[language()](chromiumCandidates()));
  return found;
}
