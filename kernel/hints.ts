// Advice added to a TypeScript error whose cause is the notebook's folder, not the cell:
// a notebook opened outside the project, or a project whose npm packages are missing.
import { existsSync } from "node:fs";
import path from "node:path";

const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
const NODE_GLOBAL = /^Cannot find name '(console|process|require|Buffer|setTimeout|setInterval|__dirname|module)'/;

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
  const install = `run \`npm install\` in ${PROJECT_ROOT}, then restart the kernel`;
  if (message.startsWith("Cannot find module 'concurrence'")) {
    const inside = !path.relative(PROJECT_ROOT, folder).startsWith("..");
    return inside
      ? `the library is not installed: ${install}.`
      : `this notebook's folder (${folder}) is outside the concurrence project: open notebooks from ${PROJECT_ROOT} or a folder inside it, where \`concurrence\` is installed.`;
  }
  if (NODE_GLOBAL.test(message) && !nodeTypesFound(place)) return `@types/node was not found from ${folder}: ${install}.`;
  return undefined;
}

function tslabTypes(): string {
  return path.join(path.dirname(require.resolve("tslab/package.json")), "node_modules", "@types");
}
