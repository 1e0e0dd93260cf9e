import { randomUUID } from "node:crypto";
import { positiveInteger } from "../options.js";
import { publish, type MimeBundle } from "./bridge.js";

/** At most this often, an update is sent: a fast loop must not flood the notebook. */
const MIN_INTERVAL_MS = 100;

/** One display that fills in place, like tqdm in Python notebooks. */
export class Progress {
  readonly #displayId = randomUUID();
  readonly #started = performance.now();
  #value = 0;
  #lastSent = 0;

  constructor(
    readonly total: number,
    readonly label = "",
  ) {
    positiveInteger("total", total);
    this.#send(false);
  }

  get value(): number {
    return this.#value;
  }

  /** Moves forward by `n` steps. */
  tick(n = 1): void {
    this.update(this.#value + n);
  }

  update(value: number): void {
    this.#value = Math.min(Math.max(0, value), this.total);
    const now = performance.now();
    if (this.#value === this.total || now - this.#lastSent >= MIN_INTERVAL_MS) this.#send(true);
  }

  /** Fills the bar, whatever the count. */
  done(): void {
    this.update(this.total);
  }

  #send(update: boolean): void {
    this.#lastSent = performance.now();
    publish(this.#bundle(), { displayId: this.#displayId, update });
  }

  #bundle(): MimeBundle {
    const { total } = this;
    const value = this.#value;
    const seconds = ((performance.now() - this.#started) / 1000).toFixed(1);
    const width = 30;
    const filled = Math.round((value / total) * width);
    const label = this.label ? `${this.label} ` : "";
    const status = `${value}/${total} (${Math.round((100 * value) / total)} %, ${seconds} s)`;
    return {
      "text/plain": `${label}[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${status}`,
      "text/html":
        `<div class="concurrence-progress">${label}<progress value="${value}" max="${total}" style="width:20em"></progress> ` +
        `<span>${status}</span></div>`,
    };
  }
}

/** A progress bar of `total` steps, updated in place: `const p = progress(10); p.tick();`. */
export function progress(total: number, label = ""): Progress {
  return new Progress(total, label);
}
