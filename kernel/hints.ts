// Advice added to a TypeScript error whose cause is the notebook's folder, not the cell:
// a notebook opened outside the project, or a project whose npm packages are missing.
import { existsSync } from "node:fs";
import path from "node:path";
import { messages } from "../src/messages/index.js";

const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
// TypeScript's text in English and in French (its locale follows CONCURRENCE_LANG: see locale.ts).
const NODE_GLOBAL = /^(Cannot find name|Le nom) '(console|process|require|Buffer|setTimeout|setInterval|__dirname|module)'/;
const NO_LIBRARY = /^(Cannot find module|Impossible de localiser le module) 'concurrence'/;

export interface Place {
  /** The kernel's folder: the notebook's. @default process.cwd() */
  folder?: string;
  /** Where tslab looks for @types when the folder has none. @default tslab's own node_modules/@types */
  fallbackTypes?: string;
}

/** Whether TypeScript finds @types/node from `folder`: in its node_modules or one above, else in tslab's. */
export function nodeTypesFound({ folder = process.cwd(), fallbackTypes = tslabTypes() }: Place = {}): boolean {
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "node_modules", "@types", "node", "package.json"))) return true;
    if (path.dirname(dir) === dir) break;
  }
  return existsSync(path.join(fallbackTypes, "node", "package.json"));
}

/** A sentence saying what to do about the diagnostic `message`, when its cause is known. */
export function hintFor(message: string, place: Place = {}): string | undefined {
  const folder = path.resolve(place.folder ?? process.cwd());
  const m = messages().hints;
  if (NO_LIBRARY.test(message)) {
    const inside = !path.relative(PROJECT_ROOT, folder).startsWith("..");
    return inside ? m.notInstalled(PROJECT_ROOT) : m.outside(folder, PROJECT_ROOT);
  }
  if (NODE_GLOBAL.test(message) && !nodeTypesFound(place)) return m.noNodeTypes(folder, PROJECT_ROOT);
  return undefined;
}

function tslabTypes(): string {
  return path.join(path.dirname(require.resolve("tslab/package.json")), "node_modules", "@types");
}
