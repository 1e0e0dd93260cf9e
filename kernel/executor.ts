// tslab's executor (tslab/dist/executor.js), with one change: a cell that fails at run time keeps
// the names it bound before the error (names.ts), and its declarations stay for later cells.
// A cell that fails to type-check still defines nothing. The rest follows tslab 1.0.22: the cell
// runs wrapped in a function, top-level await races the stop button, imported local files
// (side outputs) load through the wrapped `require`, and `//@module` cells register modules.
import Module from "node:module";
import path from "node:path";
import vm from "node:vm";
import type { ConsoleInterface, ConverterSet, Executor } from "tslab/dist/executor";
import type { Diagnostic } from "tslab/dist/converter";
import { getCodeMetadata } from "tslab/dist/metadata";
import { cellCode, Namespace, type Pending } from "./names.js";

type Require = NodeJS.Require;

export function createCellExecutor(rootDir: string, convs: ConverterSet, console: ConsoleInterface): Executor {
  const namespace = new Namespace();
  const sideOutputs = new Map<string, string>();
  const sideModules = new Map<string, Module>();
  const req = wrapRequire(Module.createRequire(path.join(rootDir, "src.js")), rootDir, sideOutputs, sideModules);
  // The cells' code reaches its names and `require` through this global, as in tslab.
  vm.runInThisContext("(x) => { globalThis.__tslab__ = x; }")({ exports: namespace.exports, require: req });
  let prevDecl = "";
  let interrupted!: (reason: Error) => void;
  let interruption!: Promise<never>;
  const armInterruption = () => {
    interruption = new Promise<never>((_, reject) => (interrupted = reject));
    interruption.catch(() => {});
  };
  armInterruption();

  function printDiagnostics(diagnostics: Diagnostic[]): void {
    for (const d of diagnostics) {
      console.error("%s%d:%d - %s", d.fileName ? `${d.fileName} ` : "", d.start.line + 1, d.start.character + 1, d.messageText);
    }
  }

  async function execute(src: string): Promise<boolean> {
    const meta = getCodeMetadata(src);
    if (meta.module) {
      const conv = meta.mode === "browser" ? convs.browser : convs.node;
      printDiagnostics(conv.addModule(meta.module, src, meta));
      return true; // tslab registers a module whatever its errors
    }
    if (meta.mode === "browser") return true;
    const converted = convs.node.convert(prevDecl, src);
    for (const out of converted.sideOutputs ?? []) {
      sideModules.delete(out.path);
      sideOutputs.set(out.path, out.data);
    }
    if (converted.diagnostics.length > 0) {
      printDiagnostics(converted.diagnostics);
      return false;
    }
    if (!converted.output) {
      prevDecl = converted.declOutput ?? "";
      return true;
    }
    const code = cellCode(converted.output);
    const pending = namespace.begin(code, converted.lastExpressionVar);
    const failed = (error: unknown): false => {
      console.error(error);
      // What ran before the error stays bound: its declarations are kept for later cells.
      prevDecl = converted.declOutput ?? prevDecl;
      namespace.failed(pending, error);
      forget(converted.lastExpressionVar);
      return false;
    };
    let promise: Promise<unknown> | undefined;
    try {
      // Wrapped in a function as tslab does (performance, and let/const redeclared across cells).
      const prefix = converted.hasToplevelAwait ? "(async function(exports, require) { " : "(function(exports, require) { ";
      const ran: unknown = vm.runInThisContext(`${prefix}${code.js}\n})(__tslab__.exports, __tslab__.require)`, { breakOnSigint: true });
      if (converted.hasToplevelAwait) promise = ran as Promise<unknown>;
    } catch (error) {
      return failed(error);
    }
    if (promise) {
      try {
        await Promise.race([promise, interruption]);
      } catch (error) {
        return failed(error);
      }
    }
    prevDecl = converted.declOutput ?? "";
    succeeded(pending, converted.lastExpressionVar);
    return true;
  }

  function succeeded(pending: Pending, lastExpressionVar: string | undefined): void {
    namespace.succeeded(pending);
    if (!lastExpressionVar) return;
    const value = namespace.exports[lastExpressionVar];
    forget(lastExpressionVar);
    if (value != null) console.log(value);
  }

  function forget(name: string | undefined): void {
    if (name) delete namespace.exports[name];
  }

  const converterFor = (src: string) => (getCodeMetadata(src).mode === "browser" ? convs.browser : convs.node);
  return {
    execute,
    inspect: (src, position) => converterFor(src).inspect(prevDecl, src, position),
    complete: (src, position) => converterFor(src).complete(prevDecl, src, position),
    reset() {
      prevDecl = "";
      namespace.reset();
    },
    interrupt() {
      interrupted(new Error("Interrupted asynchronously"));
      armInterruption();
    },
    locals: namespace.exports,
    close: () => convs.close(),
  };
}

/** `require` for cells: `tslab` is tslab itself, and the local files a cell imports load from their compiled outputs. */
function wrapRequire(req: Require, dirname: string, sideOutputs: Map<string, string>, sideModules: Map<string, Module>): Require {
  function fromSideOutputs(id: string): unknown {
    let filename = path.join(dirname, id);
    if (path.extname(filename) === "") filename += ".js";
    const cached = sideModules.get(filename);
    if (cached) return cached.exports;
    const source = sideOutputs.get(filename);
    if (source === undefined) return null;
    const mod = new Module(filename, module) as Module & { _compile(code: string, file: string): void };
    mod.filename = filename;
    mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(filename));
    mod.require = wrapRequire(mod.require as Require, path.dirname(filename), sideOutputs, sideModules);
    mod._compile(source, filename);
    sideModules.set(filename, mod);
    return mod.exports;
  }
  return new Proxy(req, {
    apply: (_target, thisArg, args: unknown[]) => {
      if (args.length !== 1 || typeof args[0] !== "string") return Reflect.apply(req, thisArg, args);
      if (args[0] === "tslab") return require("tslab");
      return fromSideOutputs(args[0]) ?? Reflect.apply(req, thisArg, args);
    },
  });
}
