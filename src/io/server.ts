import { once } from "node:events";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { integerInRange, nonEmptyString } from "../options.js";
import { register } from "../runtime/registry.js";
import { drawFor } from "./random.js";
import { Routes, type Answer } from "./routes.js";
import { faultsFrom, serverOptionsFrom, type DemoServerOptions, type FaultOptions, type Faults } from "./server-options.js";
import { DemoSite } from "./site.js";
import { RequestStats, type RequestRecord, type ServerStats } from "./stats.js";
import { messages } from "../messages/index.js";

/** Every demo server listens here, and only here: nothing outside this machine can reach it. */
export const HOST = "127.0.0.1";

/**
 * A local HTTP server for the course, standing in for the web (lorempixel, a website to crawl):
 * PNG images, a small website, latency and faults that you choose, and counters that show how
 * many requests were served at once. It runs on the kernel's event loop; simulated latency
 * is a timer, so it costs no CPU. A re-run cell or the kernel's shutdown closes it.
 *
 * @example
 * const server = await demoServer({ latencyMs: 100 });
 * const response = await fetch(server.imageUrl()); // a new PNG each time
 * server.stats().maxInFlight; // 1
 * await server.close();
 */
export class DemoServer {
  /** The base URL, like `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly site: DemoSite;
  readonly #http: http.Server;
  readonly #routes: Routes;
  readonly #seed: number;
  readonly #stats = new RequestStats();
  readonly #asked = new Map<string, number>();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #unregister: () => void;
  #faults: Faults;
  #closing: Promise<void> | undefined;

  private constructor(server: http.Server, site: DemoSite, faults: Faults, seed: number) {
    this.#http = server;
    this.site = site;
    this.#routes = new Routes(site);
    this.#faults = faults;
    this.#seed = seed;
    this.url = `http://${HOST}:${(server.address() as AddressInfo).port}`;
    server.on("request", (req, res) => this.#handle(req, res));
    this.#unregister = register(this);
  }

  /** Starts a server on 127.0.0.1 (a free port unless `options.port` is given). */
  static async start(options: DemoServerOptions = {}): Promise<DemoServer> {
    const { faults, seed, pages, port } = serverOptionsFrom(options);
    const server = http.createServer();
    server.listen(port, HOST);
    await Promise.race([once(server, "listening"), once(server, "error").then(([error]) => Promise.reject(error))]);
    return new DemoServer(server, new DemoSite(pages, seed), faults, seed);
  }

  /**
   * The URL of a picture: without `index`, a new picture on each request (like
   * `http://lorempixel.com/400/200/sports`); with it, always picture number `index`.
   */
  imageUrl(width = 400, height = 200, category = "sports", index?: number): string {
    integerInRange("width", width, 1, 2000);
    integerInRange("height", height, 1, 2000);
    if (!/^[a-z0-9-]+$/.test(nonEmptyString("category", category))) {
      throw new RangeError(messages().io.category(category));
    }
    const tail = index === undefined ? "" : `/${integerInRange("index", index, 0, Number.MAX_SAFE_INTEGER)}`;
    return `${this.url}/images/${width}/${height}/${category}${tail}`;
  }

  /** The home page of the demo website: where a crawler starts. */
  get siteUrl(): string {
    return this.url + DemoSite.pathOf(0);
  }

  /** Every page of the demo website, as absolute URLs: what a crawler of `siteUrl` must find. */
  pageUrls(): string[] {
    return [...this.site.pages.keys()].map((path) => this.url + path);
  }

  /** Counters since the start or the last `resetStats()`. */
  stats(): ServerStats {
    return this.#stats.snapshot();
  }

  /** The requests answered (or abandoned) since the last reset, with start and end in seconds. */
  requests(): RequestRecord[] {
    return this.#stats.records();
  }

  /**
   * Starts counting afresh, e.g. before each run of a benchmark. The random draws start
   * again too: the same requests after each reset meet the same latencies and faults,
   * so that runs compared side by side face the same "network".
   */
  resetStats(): void {
    this.#stats.reset();
    this.#asked.clear();
  }

  /** Changes latency and faults for the next requests. */
  configure(options: FaultOptions): void {
    this.#faults = faultsFrom(options, this.#faults);
  }

  /** The latency and faults in force. */
  get faults(): Readonly<Faults> {
    return { ...this.#faults, failureStatuses: [...this.#faults.failureStatuses] };
  }

  get listening(): boolean {
    return this.#http.listening;
  }

  /** Stops listening and cuts every connection, including requests still waiting for their answer. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#unregister();
      for (const timer of this.#timers) clearTimeout(timer);
      this.#timers.clear();
      const closed = new Promise<void>((resolve) => this.#http.close(() => resolve()));
      this.#http.closeAllConnections();
      await closed;
    })();
    return this.#closing;
  }

  /** The stop button: the server is no task; it keeps serving until its cell is re-run. */
  interrupt(): void {}

  dispose(): Promise<void> {
    return this.close();
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", this.url);
    const key = `${req.method} ${url.pathname}${url.search}`;
    const asked = this.#asked.get(key) ?? 0;
    this.#asked.set(key, asked + 1);
    const random = drawFor(this.#seed, `${key} #${asked}`);
    const faults = this.#faults;
    const delay = faults.latencyMs + random() * faults.jitterMs;
    const [failRoll, hangRoll, statusRoll] = [random(), random(), random()];

    let bytes = 0;
    const end = this.#stats.begin(url.pathname);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (hangRoll < faults.hangRate) return; // never answered: the client must give up
      let answer: Answer = req.method === "GET" || req.method === "HEAD" ? this.#routes.answer(url.pathname) : methodNotAllowed;
      if (answer === "hang") return;
      if (failRoll < faults.failureRate) {
        const status = faults.failureStatuses[Math.floor(statusRoll * faults.failureStatuses.length)];
        answer = { status, type: "text/plain; charset=utf-8", body: `${status} (panne simulée par le serveur de démonstration)\n` };
      }
      const body = req.method === "HEAD" ? "" : answer.body;
      bytes = Buffer.byteLength(body);
      res.writeHead(answer.status, { "content-type": answer.type, "content-length": Buffer.byteLength(answer.body), ...answer.headers });
      res.end(body);
    }, delay);
    this.#timers.add(timer);
    res.on("close", () => {
      clearTimeout(timer);
      this.#timers.delete(timer);
      end(res.writableFinished ? res.statusCode : 0, bytes);
    });
  }
}

const methodNotAllowed: Answer = { status: 405, type: "text/plain; charset=utf-8", body: "only GET and HEAD are served\n" };

/** Starts the local demo server; see `DemoServer`. */
export function demoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  return DemoServer.start(options);
}
