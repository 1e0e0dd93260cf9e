// TypeScript's diagnostics in the course's language, from TypeScript's own translations
// (lib/fr/diagnosticMessages.generated.json in tslab's TypeScript), as `tsc --locale fr` does.
import * as ts from "@tslab/typescript-for-tslab";
import { language } from "../src/messages/index.js";

/** Sets TypeScript's locale from CONCURRENCE_LANG (French by default); call it before the converter is made. */
export function useLanguageForDiagnostics(): void {
  const lang = language();
  if (lang === "en") return; // TypeScript's own messages
  const errors: ts.Diagnostic[] = [];
  ts.validateLocaleAndSetLanguage(lang, ts.sys, errors);
  for (const error of errors) console.error(`concurrence kernel: ${ts.flattenDiagnosticMessageText(error.messageText, "\n")}`);
}
