// One catalog per language: French by default, English with CONCURRENCE_LANG=en.
// The language is read at each message, so a test or a kernelspec's env can choose it.
import { en } from "./en.js";
import { fr, type Messages } from "./fr.js";

export type Language = "fr" | "en";
export type { Messages };

/** The language of messages: CONCURRENCE_LANG=en (or en_US, en-GB...) gives English, anything else French. */
export function language(env: NodeJS.ProcessEnv = process.env): Language {
  return /^en\b|^en[_-]/i.test(env.CONCURRENCE_LANG ?? "") ? "en" : "fr";
}

/** The catalog of the current language. */
export function messages(): Messages {
  return language() === "en" ? en : fr;
}
