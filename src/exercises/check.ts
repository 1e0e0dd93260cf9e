// One place that turns a checker's outcome into its one printed line: ✅ and a sentence, or ❌
// and a hint. Nothing a checker does escapes as an error: a thrown error, a rejected promise
// or a student's function that never returns all become a ❌, so "Run All" goes on.
import { language } from "../messages/index.js";

/** A wrong or unfinished answer: its message is the hint the student reads. */
export class Hint extends Error {
  override name = "Hint";
}

const MESSAGES = {
  fr: {
    timeout: (s: number) => `la vérification n'a pas fini en ${s} s : votre code attend-il quelque chose qui n'arrive jamais (un verrou jamais rendu, une promesse jamais tenue) ?`,
    crashed: (what: string) => `votre code a levé une erreur : ${what}. Corrigez-la, relancez la cellule de l'exercice, puis cette vérification.`,
  },
  en: {
    timeout: (s: number) => `the check did not finish in ${s} s: does your code wait for something that never comes (a lock never released, a promise never settled)?`,
    crashed: (what: string) => `your code threw an error: ${what}. Fix it, run the exercise's cell again, then this check.`,
  },
};
// The checkers' texts are part of the exercises, so they stay here; the language is the catalog's.
const messages = () => MESSAGES[language()];

/** Picks the sentence of the user's language. */
export const say = (fr: string, en: string) => (language() === "en" ? en : fr);

export interface CheckOptions {
  /** Beyond this, the check gives up with a ❌ (and `cleanup` stops what the student's code left running). @default 15000 */
  timeoutMs?: number;
  /** Stops threads, servers or pools the check started, whatever the outcome. */
  cleanup?: () => unknown;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.split("\n")[0]}`;
  return String(error);
}

/**
 * Runs a checker's body, which resolves to the success sentence or throws a `Hint`,
 * and prints the verdict. It never rejects, and resolves to nothing, so a cell that ends with
 * `await checks.x(...)` shows only the verdict.
 */
export async function verdict(body: () => Promise<string>, options: CheckOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  let timer: NodeJS.Timeout | undefined;
  let line: string;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Hint(messages().timeout(Math.round(timeoutMs / 1000)))), timeoutMs);
    });
    const sentence = await Promise.race([Promise.resolve().then(body), timeout]);
    line = `✅ ${sentence}`;
  } catch (error) {
    line = `❌ ${error instanceof Hint ? error.message : messages().crashed(describe(error))}`;
  } finally {
    clearTimeout(timer);
  }
  try {
    await options.cleanup?.();
  } catch {
    // Cleaning up after a wrong answer must not turn the verdict into an error.
  }
  console.log(line);
}

/** Throws the hint unless the condition holds. */
export function expect(condition: unknown, hint: string): asserts condition {
  if (!condition) throw new Hint(hint);
}

/** A whole number in [min, max], drawn afresh at each check. */
export const draw = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

/** Awaits a value the student's code gave, which may be a promise or not. */
export const settle = async <T>(value: T | Promise<T>): Promise<T> => await value;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
