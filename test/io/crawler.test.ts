import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { crawl, demoServer, extractLinks, TaskCancelledError, type DemoServer } from "../../src/index.js";
import { DemoSite } from "../../src/io/site.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

let server: DemoServer;
before(async () => {
  server = await demoServer({ latencyMs: 10, jitterMs: 20 });
});
after(() => server.close());

/** Shortest link distance from the home page to each page, read from the site's own model. */
function depthsOf(site: DemoSite, origin: string): Map<string, number> {
  const home = origin + DemoSite.pathOf(0);
  const depth = new Map([[home, 0]]);
  const queue = [home];
  for (const url of queue) {
    const page = site.pages.get(new URL(url).pathname);
    for (const href of page?.hrefs ?? []) {
      const link = new URL(href, url);
      link.hash = "";
      if (link.origin === origin && site.pages.has(link.pathname) && !depth.has(link.href)) {
        depth.set(link.href, depth.get(url)! + 1);
        queue.push(link.href);
      }
    }
  }
  return depth;
}

test("extractLinks resolves, de-duplicates and keeps only http(s) links, in page order", () => {
  const html = `<p><a href="b.html#top">b</a> <a href="./b.html">again</a> <a href="/c">c</a>
    <a href="mailto:x@y.z">mail</a> <a href="https://example.org/">out</a> <a>no href</a> <a href="http://[bad">bad</a>`;
  assert.deepEqual(extractLinks(html, "http://127.0.0.1:8080/a/index.html"), [
    "http://127.0.0.1:8080/a/b.html",
    "http://127.0.0.1:8080/c",
    "https://example.org/",
  ]);
  assert.throws(() => extractLinks(undefined as never, "http://127.0.0.1/"), TypeError);
  assert.throws(() => extractLinks("", "index.html"), RangeError);
});

test("the crawler finds exactly the pages of the demo site, each at its shortest depth", async (t) => {
  const report = await crawl(server.siteUrl, { concurrency: 4 });
  const expected = depthsOf(server.site, server.url);
  assert.equal(expected.size, server.pageUrls().length, "every page is reachable from the home page");
  assert.deepEqual(report.pages.map((p) => p.url).sort(), server.pageUrls().sort());
  for (const page of report.pages) assert.equal(page.depth, expected.get(page.url), page.url);
  assert.ok(report.pages.every((p) => p.status === 200 && p.links > 0 && p.end >= p.start));
  assert.deepEqual(
    report.pages.map((p) => p.depth),
    [...report.pages.map((p) => p.depth)].sort((a, b) => a - b),
    "breadth-first: level by level",
  );
  assert.deepEqual(report.failures.map((f) => f.url).sort(), server.site.brokenLinks.map((l) => server.url + l).sort());
  assert.ok(report.failures.every((f) => f.status === 404));
  assert.deepEqual([...report.external].sort(), [...server.site.externalLinks].sort());
});

test("concurrency 1 fetches one page at a time; more fetches several at once, within the limit", async (t) => {
  server.resetStats();
  const one = await crawl(server.siteUrl, { concurrency: 1 });
  assert.equal(one.maxInFlight, 1);
  assert.equal(server.stats().maxInFlight, 1);
  server.resetStats();
  const eight = await crawl(server.siteUrl, { concurrency: 8 });
  assert.ok(eight.maxInFlight > 1 && eight.maxInFlight <= 8, `in flight: ${eight.maxInFlight}`);
  assert.ok(server.stats().maxInFlight <= 8);
  assert.equal(eight.pages.length, one.pages.length);
});

test("maxDepth and maxPages bound the crawl", async (t) => {
  const shallow = await crawl(server.siteUrl, { maxDepth: 1 });
  assert.deepEqual([...new Set(shallow.pages.map((p) => p.depth))], [0, 1]);
  assert.equal((await crawl(server.siteUrl, { maxDepth: 0 })).pages.length, 1);
  const few = await crawl(server.siteUrl, { maxPages: 5, concurrency: 3 });
  assert.equal(few.pages.length + few.failures.length, 5);
  const seen: string[] = [];
  await crawl(server.siteUrl, { maxPages: 3, onPage: (p) => seen.push(p.url) });
  assert.equal(seen.length, 3);
});

test("a fault on a page is reported; the crawl goes on; cancelling stops it", async (t) => {
  const flaky = await demoServer({ latencyMs: 0, failureRate: 0.3, seed: 2 }); // seed 2 spares the home page
  try {
    const report = await crawl(flaky.siteUrl, { concurrency: 4 });
    assert.ok(report.failures.some((f) => f.status === 500 || f.status === 503));
    assert.ok(report.pages.length > 1);
    const retried = await crawl(flaky.siteUrl, { concurrency: 4, retries: 10, retryDelayMs: 1 });
    assert.equal(retried.pages.length, flaky.pageUrls().length, "with retries, every page is found");

    flaky.configure({ hangRate: 1, failureRate: 0 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(crawl(flaky.siteUrl, { signal: controller.signal }), TaskCancelledError);
  } finally {
    await flaky.close();
  }
});

test("bad options get a clear error", async (t) => {
  await assert.rejects(crawl("site/index.html"), RangeError);
  await assert.rejects(crawl(server.siteUrl, { concurrency: 0 }), { message: /options.concurrency must be a positive integer, got `0`/ });
  await assert.rejects(crawl(server.siteUrl, { maxDepth: -1 }), RangeError);
  await assert.rejects(crawl(server.siteUrl, { maxDepth: "2" as never }), TypeError);
  await assert.rejects(crawl(server.siteUrl, { onPage: 1 as never }), TypeError);
});
