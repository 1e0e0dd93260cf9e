// The entry of the kernel's V8 startup snapshot (built by build.ts, started by start.sh):
//   node --snapshot-blob kernel.blob --build-snapshot dist/kernel/snapshot/entry.js
// At build time it loads TypeScript and parses and binds the declarations every cell is checked
// against (the ES library, @types, this library's own): about 0.8 s of work, 3 MB of text, done
// once. At start the kernel gets them back from the snapshot instead, then loads launch.js.
// Node's snapshot builder lets this file require Node's own modules only: it stands alone.
import { readFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import v8 from "node:v8";
import type * as TS from "typescript";
import type { SnapshotState } from "./state.js"; // a type only: this file may load nothing of ours

const ROOT = path.resolve(__dirname, "..", "..", "..");
const TYPESCRIPT = path.join(ROOT, "node_modules", "@tslab", "typescript-for-tslab", "lib", "typescript.js");
const PARSE = "function createSourceFile(fileName, sourceText, languageVersionOrOptions, setParentNodes = false, scriptKind) {";

/**
 * tslab's TypeScript, with one hook: a declaration file parsed here is handed back when the same
 * file, with the same text, is asked for again (as TypeScript's own DocumentRegistry shares files
 * between programs). A file that changed since is parsed afresh: the cache is never wrong, at worst slow.
 */
function loadTypeScript(): typeof TS {
  const source = readFileSync(TYPESCRIPT, "utf8");
  if (!source.includes(PARSE)) throw new Error(`${TYPESCRIPT}: createSourceFile not found, the snapshot needs updating for this TypeScript`);
  const hooked = source.replace(PARSE, `${PARSE}\n  const kept = globalThis[Symbol.for("concurrence.kernel.snapshot")]?.reuse(fileName, sourceText, languageVersionOrOptions, setParentNodes); if (kept) return kept;`);
  const module = { exports: {} as typeof TS };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- TypeScript's own CommonJS text, from node_modules
  new Function("module", "exports", "require", "__filename", "__dirname", hooked)(module, module.exports, require, TYPESCRIPT, path.dirname(TYPESCRIPT));
  return module.exports;
}

/** The declarations a first cell needs, parsed and bound with tslab's options (tslab/dist/converter.js, Node >= 18). */
function declarations(ts: typeof TS): Map<string, TS.SourceFile> {
  const cwd = path.join(ROOT, "notebooks");
  const warm = path.join(cwd, "__snapshot__.ts");
  const options: TS.CompilerOptions = {
    module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Node10, esModuleInterop: true,
    target: ts.ScriptTarget.ES2022, lib: ["lib.es2022.d.ts"], declaration: true, noImplicitUseStrict: true,
    experimentalDecorators: true, resolveJsonModule: true, jsx: ts.JsxEmit.React, allowJs: true, checkJs: true,
    skipLibCheck: true, rootDir: cwd, outDir: "outDir", typeRoots: typeRoots(ts, cwd),
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (file) => (file === warm ? 'export {};\nimport * as concurrence from "concurrence";\nconcurrence.cpuCount;\n' : readFile(file));
  host.fileExists = (file) => file === warm || fileExists(file);
  const program = ts.createProgram([warm], options, host);
  program.getTypeChecker(); // binds every file: the binding is kept on the file
  return new Map(program.getSourceFiles().filter((f) => f.isDeclarationFile).map((f) => [f.fileName, f]));
}

/** The @types folders tslab gives its program (getTypeRoots in tslab/dist/converter.js). */
function typeRoots(ts: typeof TS, cwd: string): string[] | undefined {
  return (ts as unknown as { getDefaultTypeRoots(cwd: string, host: TS.System): string[] | undefined }).getDefaultTypeRoots(cwd, ts.sys);
}

const ts = loadTypeScript();
const kept = declarations(ts);

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // Node leaves Error.stackTraceLimit out of a snapshot: without it, errors have no frames.
  if (typeof Error.stackTraceLimit !== "number") Error.stackTraceLimit = 10;
  // TypeScript remembers the folder it first ran in, here the build's: cells resolve from the kernel's.
  ts.sys.getCurrentDirectory = () => process.cwd();
  // The library's child processes must not start from this snapshot: fork() passes execArgv on.
  const blob = process.execArgv.indexOf("--snapshot-blob");
  if (blob >= 0) process.execArgv.splice(blob, 2);
  const launch = path.join(ROOT, "dist", "kernel", "launch.js");
  const state: SnapshotState = { typescript: ts, reused: 0, parsed: 0, reuse };
  const loaded = createRequire(launch);
  // tslab must get this TypeScript: only if it would load the very same file, at the same version.
  const tslabTypeScript = createRequire(loaded.resolve("tslab/dist/converter")).resolve("@tslab/typescript-for-tslab");
  const version = (JSON.parse(readFileSync(path.join(path.dirname(TYPESCRIPT), "..", "package.json"), "utf8")) as { version: string }).version;
  if (tslabTypeScript === TYPESCRIPT && version === ts.version) {
    const module = new Module(TYPESCRIPT);
    Object.assign(module, { filename: TYPESCRIPT, loaded: true, exports: ts });
    loaded.cache[TYPESCRIPT] = module;
    (globalThis as Record<symbol, unknown>)[Symbol.for("concurrence.kernel.snapshot")] = state; // state.ts reads it
  }
  process.argv.splice(1, 0, launch);
  loaded(launch);

  function reuse(fileName: string, text: string, options: TS.ScriptTarget | TS.CreateSourceFileOptions, setParentNodes?: boolean): TS.SourceFile | undefined {
    if (!fileName.endsWith(".d.ts")) return undefined;
    const file = kept.get(fileName);
    const { languageVersion, impliedNodeFormat } = typeof options === "object" ? options : { languageVersion: options, impliedNodeFormat: undefined };
    const same = file && !setParentNodes && file.text === text && file.languageVersion === languageVersion && file.impliedNodeFormat === impliedNodeFormat;
    if (same) state.reused++;
    else state.parsed++;
    return same ? file : undefined;
  }
});
