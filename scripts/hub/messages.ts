// What `npm run hub` says, French by default and English with CONCURRENCE_LANG=en.
import { language } from "../../src/messages/index.js";

const MESSAGES = {
  fr: {
    positive: (name: string, integer: boolean, value: string) => `--${name} doit être un nombre ${integer ? "entier " : ""}positif, reçu \`${value}\``,
    memory: (value: string) => `--memory s'écrit comme 2G ou 512M, reçu \`${value}\``,
    published: (commit: string, repo: string, changed: boolean) => `hub : édition étudiante ${commit} dans ${repo}${changed ? " (mise à jour)" : ""}`,
    noHub: "JupyterHub n'est pas installé dans .venv : lancez d'abord `bash deploy/install-course.sh`",
    serving: (url: string) => `hub : ${url} (Ctrl-C l'arrête, avec les serveurs des étudiants)`,
    failed: "npm run hub a échoué :",
    notRoot: "le hub crée un compte Unix par étudiant et lance son serveur sous ce compte : lancez-le en root (sudo npm run hub)",
  },
  en: {
    positive: (name: string, integer: boolean, value: string) => `--${name} must be a positive ${integer ? "integer" : "number"}, got \`${value}\``,
    memory: (value: string) => `--memory must read like 2G or 512M, got \`${value}\``,
    published: (commit: string, repo: string, changed: boolean) => `hub: student edition ${commit} in ${repo}${changed ? " (updated)" : ""}`,
    noHub: "JupyterHub is not installed in .venv: run `bash deploy/install-course.sh` first",
    serving: (url: string) => `hub: ${url} (Ctrl-C stops it, with the students' servers)`,
    failed: "npm run hub failed:",
    notRoot: "the hub makes one Unix account per student and runs their server as that account: run it as root (sudo npm run hub)",
  },
};

export function messages(): (typeof MESSAGES)["fr"] {
  return MESSAGES[language()];
}
