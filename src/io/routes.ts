import { STATUS_CODES } from "node:http";
import { demoImage } from "./images.js";
import type { DemoSite } from "./site.js";

/** What a route answers; "hang" never answers. */
export type Answer = { status: number; type: string; body: Buffer | string; headers?: Record<string, string> } | "hang";

const MAX_SIDE = 2000;
const CACHE_SIZE = 128;

/** Serves the demo server's paths: pure content, no timing and no faults. */
export class Routes {
  readonly #counters = new Map<string, number>();
  readonly #images = new Map<string, Buffer>();

  constructor(readonly site: DemoSite) {}

  answer(path: string): Answer {
    if (path === "/") return html(200, INDEX);
    if (path === "/hang") return "hang";
    const status = /^\/status\/(\d{3})$/.exec(path);
    if (status) {
      const code = Number(status[1]);
      if (code < 200 || code > 599) return text(400, `/status/ takes a code from 200 to 599, got ${code}\n`);
      return text(code, `${code} ${STATUS_CODES[code] ?? ""}\n`);
    }
    const image = /^\/images\/(\d+)\/(\d+)\/([a-z0-9-]+)(?:\/(\d+))?$/.exec(path);
    if (image) return this.#image(Number(image[1]), Number(image[2]), image[3], image[4]);
    if (path === "/site") return { status: 301, type: "text/plain; charset=utf-8", body: "", headers: { location: "/site/" } };
    if (path.startsWith("/site")) {
      const page = this.site.html(path);
      return page ? html(200, page) : html(404, notFound(path));
    }
    return html(404, notFound(path));
  }

  /** Without an index, each request gets the next picture, like lorempixel's "a new image every time". */
  #image(width: number, height: number, category: string, given: string | undefined): Answer {
    if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
      return text(400, `width and height must be from 1 to ${MAX_SIDE} pixels, got ${width}×${height}\n`);
    }
    let index = Number(given);
    if (given === undefined) {
      const counter = `${width}/${height}/${category}`;
      index = this.#counters.get(counter) ?? 0;
      this.#counters.set(counter, index + 1);
    }
    const key = `${width}/${height}/${category}/${index}`;
    let png = this.#images.get(key);
    if (!png) {
      png = demoImage(width, height, category, index);
      if (this.#images.size >= CACHE_SIZE) this.#images.delete(this.#images.keys().next().value!);
      this.#images.set(key, png);
    }
    return { status: 200, type: "image/png", body: png, headers: { "x-image-index": String(index) } };
  }
}

const html = (status: number, body: string): Answer => ({ status, type: "text/html; charset=utf-8", body });
const text = (status: number, body: string): Answer => ({ status, type: "text/plain; charset=utf-8", body });

const notFound = (path: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>404</title></head>` +
  `<body><h1>404 : page introuvable</h1><p>${path.replace(/[&<>"]/g, "")} n'existe pas sur le serveur de démonstration.</p></body></html>\n`;

const INDEX = `<!doctype html>
<html lang="fr">
  <head><meta charset="utf-8"><title>Serveur de démonstration de concurrence</title></head>
  <body>
    <h1>Serveur de démonstration</h1>
    <ul>
      <li><a href="/images/400/200/sports">/images/400/200/sports</a> : une nouvelle image PNG à chaque requête</li>
      <li><a href="/images/400/200/sports/7">/images/400/200/sports/7</a> : toujours la même image, la n° 7</li>
      <li><a href="/site/">/site/</a> : un petit site de pages liées, pour un robot d'indexation</li>
      <li>/status/503 : répond avec ce code ; /hang : ne répond jamais</li>
    </ul>
  </body>
</html>
`;
