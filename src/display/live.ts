import { randomUUID } from "node:crypto";
import { inspect } from "node:util";
import { track } from "../runtime/registry.js";
import { publish } from "./bridge.js";
import { displayBundle } from "./bundle.js";

/**
 * One output that redraws in place: a plot, a table, an image or text that changes while a
 * cell (or its timers and streams) runs. A burst of updates is coalesced: while one value
 * renders, only the latest one waiting is drawn next.
 * @example
 * const view = live();
 * for (const step of steps) view.update(plots.bars(rowsSoFar(step), { x: "name", y: "value" }));
 */
export class LiveDisplay {
  readonly displayId = randomUUID();
  #shown = false;
  #waiting: { value: unknown } | undefined;
  #drawing: Promise<void> | undefined;

  /** Shows `value` in place of the previous one. Resolves once it (or a newer value) is drawn. */
  update(value: unknown): Promise<void> {
    this.#waiting = { value };
    this.#drawing ??= track(this.#draw());
    return this.#drawing;
  }

  async #draw(): Promise<void> {
    try {
      while (this.#waiting) {
        const { value } = this.#waiting;
        this.#waiting = undefined;
        try {
          const bundle = (await displayBundle(value)) ?? { "text/plain": inspect(value) };
          publish(bundle, { displayId: this.displayId, update: this.#shown });
          this.#shown = true;
        } catch (error) {
          process.stderr.write(`concurrence: a live display could not be drawn: ${(error as Error).message}\n`);
        }
      }
    } finally {
      this.#drawing = undefined;
    }
  }
}

/** A display updated in place; shows `initial` at once if given. */
export function live(initial?: unknown): LiveDisplay {
  const display = new LiveDisplay();
  if (initial !== undefined) void display.update(initial);
  return display;
}
