import { TaskCancelledError } from "../errors.js";
import { describe, isFunction, plainObject, positiveInteger } from "../options.js";
import { mapLimit, maxOverlap } from "./limit.js";
import { extractLinks } from "./links.js";
import { cancellable, httpUrl, request, requestPolicy, type RequestOptions, type RequestPolicy } from "./request.js";
import { messages } from "../messages/index.js";

export interface CrawlOptions extends RequestOptions {
  /** Pages fetched at once, on the event loop. @default 4 */
  concurrency?: number;
  /** The most pages fetched; the crawl stops there. @default 1000 */
  maxPages?: number;
  /** How many links away from the start page to go: 0 fetches the start page only. @default Infinity */
  maxDepth?: number;
  /** Called after each page is fetched, e.g. to tick a progress bar. */
  onPage?: (page: CrawledPage) => void;
}

/** A page fetched, timed from the start of the crawl, in seconds. */
export interface CrawledPage {
  url: string;
  /** Links followed from the start page to reach it: 0 for the start page. */
  depth: number;
  status: number;
  /** Distinct http(s) links found in the page. */
  links: number;
  bytes: number;
  start: number;
  end: number;
  seconds: number;
}

export interface CrawlFailure {
  url: string;
  depth: number;
  /** The HTTP status, for an error answer (404 for a broken link). */
  status?: number;
  error: string;
}

export interface CrawlReport {
  startUrl: string;
  concurrency: number;
  /** The pages fetched, level by level. */
  pages: CrawledPage[];
  /** Same-site links that failed: broken links (404), server errors, timeouts. */
  failures: CrawlFailure[];
  /** Distinct links to other sites, found but not followed. */
  external: string[];
  seconds: number;
  /** The most pages that were being fetched at the same instant. */
  maxInFlight: number;
}

/**
 * A web crawler ("robot d'indexation"): fetches `startUrl`, extracts its links, and follows
 * those of the same site (same origin) breadth-first, level by level, with at most
 * `options.concurrency` requests in flight. Each page is fetched once. A page that fails is
 * reported, never fatal; cancelling (the stop button) is.
 *
 * @example
 * const report = await crawl(server.siteUrl, { concurrency: 8 });
 * report.pages.length; // every page of the demo site
 */
export async function crawl(startUrl: string, options: CrawlOptions = {}): Promise<CrawlReport> {
  httpUrl("startUrl", startUrl);
  const opts = plainObject("options", options);
  const concurrency = positiveInteger("options.concurrency", opts.concurrency ?? 4);
  const maxPages = positiveInteger("options.maxPages", opts.maxPages ?? 1000);
  const maxDepth = opts.maxDepth ?? Infinity;
  if (typeof maxDepth !== "number" || !(maxDepth >= 0) || (maxDepth !== Infinity && !Number.isInteger(maxDepth))) {
    throw new (typeof maxDepth === "number" ? RangeError : TypeError)(messages().io.maxDepth(describe(maxDepth)));
  }
  if (opts.onPage !== undefined) isFunction("options.onPage", opts.onPage);
  const onPage = (opts.onPage ?? (() => {})) as (page: CrawledPage) => void;
  const policy = requestPolicy(opts);
  const origin = new URL(startUrl).origin;
  const start = performance.now();
  const clock = () => (performance.now() - start) / 1000;

  return cancellable(policy.signal, async (signal) => {
    const pages: CrawledPage[] = [];
    const failures: CrawlFailure[] = [];
    const external = new Set<string>();
    const seen = new Set<string>([new URL(startUrl).href.replace(/#.*$/, "")]);
    let level = [...seen];
    for (let depth = 0; level.length > 0 && depth <= maxDepth && pages.length + failures.length < maxPages; depth++) {
      level = level.slice(0, maxPages - pages.length - failures.length);
      const fetched = await mapLimit(level, concurrency, async (url) => {
        try {
          const page = await fetchPage(url, depth, { ...policy, signal }, clock);
          pages.push(page.page);
          onPage(page.page);
          return page.links;
        } catch (error) {
          if (error instanceof TaskCancelledError) throw error;
          failures.push({ url, depth, status: (error as { status?: number }).status, error: (error as Error).message });
          return [];
        }
      });
      const next: string[] = [];
      for (const link of fetched.flat()) {
        if (new URL(link).origin !== origin) external.add(link);
        else if (!seen.has(link)) {
          seen.add(link);
          next.push(link);
        }
      }
      level = next;
    }
    pages.sort((a, b) => a.depth - b.depth || a.start - b.start);
    return { startUrl, concurrency, pages, failures, external: [...external], seconds: clock(), maxInFlight: maxOverlap(pages) };
  });
}

async function fetchPage(
  url: string,
  depth: number,
  policy: RequestPolicy,
  clock: () => number,
): Promise<{ page: CrawledPage; links: string[] }> {
  const start = clock();
  const { value, status } = await request(url, policy, async (response) => ({
    html: (response.headers.get("content-type") ?? "").includes("html") ? await response.text() : (await response.buffer(), ""),
  }));
  const links = value.html ? extractLinks(value.html, url) : [];
  const end = clock();
  const bytes = Buffer.byteLength(value.html);
  return { page: { url, depth, status, links: links.length, bytes, start, end, seconds: end - start }, links };
}

