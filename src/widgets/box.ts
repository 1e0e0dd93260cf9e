import { describe, isArray } from "../options.js";
import { messages } from "../messages/index.js";
import { Model, reference } from "./model.js";
import { Widget, type AnyWidget } from "./widget.js";

/** A row (HBox) or a column (VBox) of widgets; its value is its children. */
export class Box extends Widget<readonly AnyWidget[]> {
  readonly children: readonly AnyWidget[];

  constructor(direction: "HBox" | "VBox", children: readonly AnyWidget[]) {
    isArray("children", children);
    children.forEach((child, i) => {
      if (!(child instanceof Model) || !(child instanceof Widget)) throw new TypeError(messages().widgets.notAWidget(`children[${i}]`, describe(child)));
    });
    super(`${direction}Model`, `${direction}View`, undefined, { children: children.map(reference), box_style: "" });
    this.children = Object.freeze([...children]);
  }

  get value(): readonly AnyWidget[] {
    return this.children;
  }

  override toString(): string {
    return `${String(this.get("_model_name")).replace(/Model$/, "")}(${this.children.map(String).join(", ")})`;
  }
}

/** Lays widgets out in a row. @example hbox(workers, kind) */
export function hbox(...children: AnyWidget[]): Box {
  return new Box("HBox", children);
}

/** Lays widgets out in a column. */
export function vbox(...children: AnyWidget[]): Box {
  return new Box("VBox", children);
}
