// What `npm run grade` says, French by default and English with CONCURRENCE_LANG=en.
import { language } from "../../src/messages/index.js";

const MESSAGES = {
  fr: {
    notRoot: "npm run grade lance la copie de chaque étudiant sous son propre compte : lancez-le en root (sudo npm run grade)",
    unknownStudents: (names: string[], homes: string) => `pas de compte jupyter-<nom> avec un dossier dans ${homes} pour : ${names.join(", ")}`,
    graded: (student: string, lesson: string, passed: number, total: number) => `grade : ${student} ${lesson} : ${passed}/${total} réussi(s)`,
    written: (csv: string, html: string) => `grade : carnet de notes écrit dans ${csv} et ${html}`,
    failed: "npm run grade a échoué :",
  },
  en: {
    notRoot: "npm run grade runs each student's copy as their own account: run it as root (sudo npm run grade)",
    unknownStudents: (names: string[], homes: string) => `no jupyter-<name> account with a folder in ${homes} for: ${names.join(", ")}`,
    graded: (student: string, lesson: string, passed: number, total: number) => `grade: ${student} ${lesson}: ${passed}/${total} passed`,
    written: (csv: string, html: string) => `grade: gradebook written to ${csv} and ${html}`,
    failed: "npm run grade failed:",
  },
};

export function messages(): (typeof MESSAGES)["fr"] {
  return MESSAGES[language()];
}
