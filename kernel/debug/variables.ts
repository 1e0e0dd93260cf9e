// DAP's scopes and variables from V8's paused frames and remote objects. A reference number
// stands for one object (or a frame's scopes together) until the main thread resumes.
import { messages } from "../../src/messages/index.js";
import type { CallFrame, Engine, RemoteObject } from "./engine.js";
import { VIEW_CALL } from "./view.js";

export interface Variable {
  name: string;
  value: string;
  type?: string;
  variablesReference: number;
  evaluateName?: string;
}

interface Property {
  name: string;
  value?: RemoteObject;
  get?: RemoteObject;
}

/** Names of tslab's cell wrapper, not the student's. */
const HIDDEN = new Set(["exports", "require", "this", "tsLastExpr", "__esModule"]);
/** The notebook's names: tslab keeps them on one object, copied so that V8 lists them plainly. */
const GLOBALS = "({ ...(globalThis.__tslab__ ? globalThis.__tslab__.exports : {}) })";
/** The objects this module asks V8 for, released together so that the kernel's memory does not grow. */
const GROUP = "concurrence-debugger";

export class Variables {
  #handles = new Map<number, string[]>();
  #next = 1;

  constructor(readonly engine: Engine) {}

  /** The main thread resumed: its objects are released. */
  reset(): void {
    this.#handles.clear();
    void this.engine.post("Runtime.releaseObjectGroup", { objectGroup: GROUP }).catch(() => {});
  }

  async scopes(frame: CallFrame): Promise<Array<{ name: string; variablesReference: number; expensive: boolean }>> {
    const text = messages().debugger;
    const locals = frame.scopeChain
      .filter((s) => ["local", "block", "closure", "catch"].includes(s.type) && s.object.objectId)
      .map((s) => s.object.objectId as string);
    const scopes = [{ name: text.locals, variablesReference: this.#handle(locals), expensive: false }];
    const globals = await this.engine.post<{ result: RemoteObject }>("Runtime.evaluate", { expression: GLOBALS, silent: true, objectGroup: GROUP });
    if (globals.result.objectId) scopes.push({ name: text.globals, variablesReference: this.#handle([globals.result.objectId]), expensive: false });
    return scopes;
  }

  /** The notebook's names, paused or not (inspectVariables). */
  async globals(): Promise<Variable[]> {
    if (!this.engine.paused) this.reset(); // the previous listing's objects: the panel asks again after each cell
    const globals = await this.engine.post<{ result: RemoteObject }>("Runtime.evaluate", { expression: GLOBALS, silent: true, objectGroup: GROUP });
    return globals.result.objectId ? this.#list([globals.result.objectId]) : [];
  }

  async variables(reference: number): Promise<Variable[] | undefined> {
    const ids = this.#handles.get(reference);
    return ids && this.#list(ids);
  }

  async #list(ids: string[]): Promise<Variable[]> {
    const out: Variable[] = [];
    const seen = new Set<string>();
    for (const objectId of ids) {
      const { result } = await this.engine.post<{ result: Property[] }>("Runtime.getProperties", { objectId, ownProperties: true, objectGroup: GROUP });
      for (const property of result) {
        if (HIDDEN.has(property.name) || seen.has(property.name) || !property.value) continue;
        seen.add(property.name);
        out.push({ name: property.name, ...(await this.describe(property.value)), evaluateName: property.name });
      }
    }
    return out;
  }

  /**
   * A value as the panel shows it, and a reference to unfold it when it has properties.
   * JupyterLab's tree shows a variable's `type` when it has one, its value only for Python's
   * int, float, bool and str: JavaScript's primitives take those names, and other values no type.
   */
  async describe(value: RemoteObject): Promise<{ value: string; type?: string; variablesReference: number }> {
    if (value.type === "string") return { value: JSON.stringify(value.value), type: "str", variablesReference: 0 };
    if (value.type === "number") {
      const shown = value.unserializableValue ?? String(value.value);
      return { value: shown, type: Number.isInteger(Number(shown)) ? "int" : "float", variablesReference: 0 };
    }
    if (value.type === "boolean") return { value: String(value.value), type: "bool", variablesReference: 0 };
    if (!value.objectId) {
      const shown = value.unserializableValue ?? (value.type === "undefined" ? "undefined" : JSON.stringify(value.value) ?? String(value.value));
      return { value: shown, variablesReference: 0 };
    }
    if (value.type === "function") return { value: value.description?.split("\n")[0] ?? "function", variablesReference: 0 };
    const view = await this.engine
      .post<{ result: RemoteObject }>("Runtime.callFunctionOn", { objectId: value.objectId, functionDeclaration: VIEW_CALL, returnByValue: true, silent: true })
      .then(({ result }) => (typeof result.value === "string" ? result.value : undefined))
      .catch(() => undefined);
    return { value: view ?? value.description ?? value.className ?? value.type, variablesReference: this.#handle([value.objectId]) };
  }

  #handle(ids: string[]): number {
    const reference = this.#next++;
    this.#handles.set(reference, ids);
    return reference;
  }
}
