import { integerInRange, isArray, nonNegativeNumber, numberInRange, plainObject, positiveInteger } from "../options.js";
import { messages } from "../messages/index.js";

/** How the demo server answers: its latency and its faults. `server.configure()` changes them live. */
export interface FaultOptions {
  /** Fixed delay before every answer, in milliseconds: the network and the server's work. @default 50 */
  latencyMs?: number;
  /** Extra random delay, drawn in [0, jitterMs) for each request from `seed`. @default 0 */
  jitterMs?: number;
  /** Share of requests answered with an error status, from 0 to 1. @default 0 */
  failureRate?: number;
  /** The statuses failed requests get, one drawn for each failure. @default [500, 503] */
  failureStatuses?: number[];
  /** Share of requests never answered (the client's timeout has to end them), from 0 to 1. @default 0 */
  hangRate?: number;
}

export interface DemoServerOptions extends FaultOptions {
  /**
   * Seeds the random latencies, the faults and the website's extra links. A draw depends on the
   * seed, the URL and how many times that URL was asked, never on the order of arrival.
   * @default 1
   */
  seed?: number;
  /** Pages of the demo website (`/site/`). @default 40 */
  pages?: number;
  /** The port on 127.0.0.1; 0 picks a free one. @default 0 */
  port?: number;
}

export type Faults = Required<FaultOptions>;

export const DEFAULT_FAULTS: Faults = { latencyMs: 50, jitterMs: 0, failureRate: 0, failureStatuses: [500, 503], hangRate: 0 };

/** Checks fault options, filling what is missing from `base`. */
export function faultsFrom(options: unknown, base: Faults = DEFAULT_FAULTS): Faults {
  const opts = plainObject("options", options);
  const statuses = opts.failureStatuses ?? base.failureStatuses;
  isArray("options.failureStatuses", statuses);
  if (statuses.length === 0) throw new RangeError(messages().io.noStatuses);
  return {
    latencyMs: nonNegativeNumber("options.latencyMs", opts.latencyMs ?? base.latencyMs),
    jitterMs: nonNegativeNumber("options.jitterMs", opts.jitterMs ?? base.jitterMs),
    failureRate: numberInRange("options.failureRate", opts.failureRate ?? base.failureRate, 0, 1),
    failureStatuses: statuses.map((s, i) => integerInRange(`options.failureStatuses[${i}]`, s, 400, 599)),
    hangRate: numberInRange("options.hangRate", opts.hangRate ?? base.hangRate, 0, 1),
  };
}

export function serverOptionsFrom(options: unknown): { faults: Faults; seed: number; pages: number; port: number } {
  const opts = plainObject("options", options);
  return {
    faults: faultsFrom(opts),
    seed: integerInRange("options.seed", opts.seed ?? 1, 0, 2 ** 32 - 1),
    pages: positiveInteger("options.pages", opts.pages ?? 40),
    port: integerInRange("options.port", opts.port ?? 0, 0, 65535),
  };
}
