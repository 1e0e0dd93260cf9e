// TypeScript's diagnostics in the course's language, from TypeScript's own translations
// (lib/fr/diagnosticMessages.generated.json in tslab's TypeScript), as `tsc --locale fr` does.
import { readFileSync } from "node:fs";
import path from "node:path";
import * as ts from "@tslab/typescript-for-tslab";
import { language } from "../src/messages/index.js";

type Translations = Record<string, string> | undefined;
/** Public in TypeScript's JavaScript (tsserver uses it), absent from its typings. */
const setTranslations = (ts as unknown as { setLocalizedDiagnosticMessages(messages: Translations): void }).setLocalizedDiagnosticMessages;
let translations: Translations;

/** Sets TypeScript's locale from CONCURRENCE_LANG (French by default); call it before the converter is made. */
export function useLanguageForDiagnostics(): void {
  const lang = language();
  if (lang === "en") return; // TypeScript's own messages
  const file = path.join(path.dirname(require.resolve("@tslab/typescript-for-tslab")), lang, "diagnosticMessages.generated.json");
  try {
    translations = JSON.parse(readFileSync(file, "utf8")) as Translations;
  } catch (error) {
    return void console.error(`concurrence kernel: TypeScript's ${lang} messages are missing (${(error as Error).message}); they stay in English`);
  }
  setTranslations(translations);
}

/** Runs `read` with TypeScript's English messages: for tslab's code that reads their text (is_complete). */
export function withEnglishDiagnostics<T>(read: () => T): T {
  if (!translations) return read();
  setTranslations(undefined);
  try {
    return read();
  } finally {
    setTranslations(translations);
  }
}
