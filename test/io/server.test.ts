import assert from "node:assert/strict";
import { once } from "node:events";
import http from "node:http";
import { after, before, test } from "node:test";
import fetch from "node-fetch";
import { demoServer, type DemoServer } from "../../src/index.js";
import { PNG_SIGNATURE } from "../../src/io/png.js";
import { beginCell, liveResources } from "../../src/runtime/registry.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

let server: DemoServer;
before(async () => {
  server = await demoServer({ latencyMs: 5 });
});
after(() => server.close());

const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get("content-type") ?? "", body: await response.buffer(), headers: response.headers };
};

test("it listens on 127.0.0.1 only, on a free port", async (t) => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.notEqual(new URL(server.url).port, "0");
  const other = await demoServer();
  t.after(() => other.close());
  assert.notEqual(other.url, server.url);
  await other.close();
});

test("images are real PNGs of the asked size, a new one on each request, a fixed one by index", async (t) => {
  const first = await get(server.imageUrl(400, 200, "sports"));
  const second = await get(server.imageUrl(400, 200, "sports"));
  assert.equal(first.type, "image/png");
  assert.deepEqual(first.body.subarray(0, 8), PNG_SIGNATURE);
  assert.equal(first.body.readUInt32BE(16), 400); // IHDR width
  assert.equal(first.body.readUInt32BE(20), 200); // IHDR height
  assert.equal(Number(second.headers.get("x-image-index")), Number(first.headers.get("x-image-index")) + 1);
  assert.notDeepEqual(first.body, second.body);
  const seventh = await get(server.imageUrl(400, 200, "sports", 7));
  assert.deepEqual((await get(server.imageUrl(400, 200, "sports", 7))).body, seventh.body);
  assert.equal((await get(`${server.url}/images/0/200/sports`)).status, 400);
});

test("the website serves its pages, and 404 for the others", async (t) => {
  const home = await get(server.siteUrl);
  assert.equal(home.status, 200);
  assert.match(home.type, /text\/html/);
  assert.match(home.body.toString(), /<a href="page-1.html">/);
  assert.equal(server.pageUrls().length, 40);
  for (const url of server.pageUrls().slice(0, 5)) assert.equal((await get(url)).status, 200);
  assert.equal((await get(`${server.url}/site/nowhere.html`)).status, 404);
  assert.deepEqual((await get(`${server.url}/site`)).body, home.body, "/site redirects to the home page");
  assert.equal((await get(`${server.url}/status/503`)).status, 503);
  assert.equal((await fetch(server.siteUrl, { method: "POST" })).status, 405);
});

test("latency delays every answer by at least latencyMs", async (t) => {
  const slow = await demoServer({ latencyMs: 150 });
  t.after(() => slow.close());
  const start = performance.now();
  await get(slow.siteUrl);
  assert.ok(performance.now() - start >= 145, "an answer cannot come before its latency");
  await slow.close();
});

test("failures are injected at the given rate, with the given statuses, reproducibly from the seed", async (t) => {
  const all = await demoServer({ latencyMs: 0, failureRate: 1, failureStatuses: [502] });
  t.after(() => all.close());
  assert.equal((await get(all.siteUrl)).status, 502);
  await all.close();

  const statusesOf = async (seed: number) => {
    const half = await demoServer({ latencyMs: 0, failureRate: 0.5, seed });
    t.after(() => half.close());
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await get(half.imageUrl(20, 10, "x", i))).status);
    await half.close();
    return statuses;
  };
  const a = await statusesOf(7);
  assert.deepEqual(await statusesOf(7), a, "the same seed gives the same faults");
  const failed = a.filter((s) => s !== 200).length;
  assert.ok(failed > 5 && failed < 35, `about half fail: ${failed}/40`);
  assert.ok(a.every((s) => s === 200 || s === 500 || s === 503));
});

test("after resetStats the same requests meet the same latencies and faults again", async (t) => {
  const s = await demoServer({ latencyMs: 0, jitterMs: 50, failureRate: 0.5, seed: 11 });
  t.after(() => s.close());
  const run = async () => {
    s.resetStats();
    for (let i = 0; i < 12; i++) await get(s.imageUrl(20, 10, "x", i));
    return s.requests().map((r) => r.status);
  };
  const first = await run();
  const second = await run();
  assert.deepEqual(second, first, "the same faults");
  assert.ok(first.some((status) => status !== 200) && first.some((status) => status === 200));
});

test("a hanging request is never answered until the client gives up, and is not counted as answered", async (t) => {
  const hang = await demoServer({ latencyMs: 0, hangRate: 1 });
  t.after(() => hang.close());
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  await assert.rejects(fetch(hang.siteUrl, { signal: controller.signal as never }), { name: "AbortError" });
  await new Promise((r) => setTimeout(r, 20));
  const stats = hang.stats();
  assert.equal(stats.requests, 1);
  assert.equal(stats.inFlight, 0);
  assert.deepEqual(stats.statuses, {});
  assert.equal(hang.requests()[0].status, 0);
  await hang.close();
});

test("stats count the requests in flight at once", async (t) => {
  const s = await demoServer({ latencyMs: 300 });
  t.after(() => s.close());
  await Promise.all(Array.from({ length: 5 }, (_, i) => get(s.imageUrl(20, 10, "x", i))));
  let stats = s.stats();
  assert.equal(stats.requests, 5);
  assert.equal(stats.maxInFlight, 5);
  assert.deepEqual(stats.statuses, { 200: 5 });
  assert.ok(stats.bytes > 0);
  s.resetStats();
  for (let i = 0; i < 2; i++) await get(s.imageUrl(20, 10, "x", i));
  stats = s.stats();
  assert.equal(stats.maxInFlight, 1);
  const records = s.requests();
  assert.equal(records.length, 2);
  assert.ok(records[0].end <= records[1].start, "one after the other");
  assert.ok(records[0].end - records[0].start >= 0.29);
  await s.close();
});

test("configure changes latency and faults live, and checks them", async (t) => {
  const s = await demoServer({ latencyMs: 0 });
  t.after(() => s.close());
  s.configure({ failureRate: 1, failureStatuses: [429] });
  assert.equal((await get(s.siteUrl)).status, 429);
  assert.equal(s.faults.latencyMs, 0);
  assert.throws(() => s.configure({ failureRate: 2 }), { name: "RangeError", message: /options.failureRate must be a number from 0 to 1, got `2` \(number\)/ });
  assert.throws(() => s.configure({ latencyMs: "10" as never }), TypeError);
  assert.throws(() => s.configure({ failureStatuses: [200] }), RangeError);
  await s.close();
});

test("bad options reject with a clear error", async (t) => {
  await assert.rejects(demoServer({ pages: 0 }), { name: "RangeError", message: /options.pages must be a positive integer, got `0`/ });
  await assert.rejects(demoServer({ jitterMs: -1 }), RangeError);
  await assert.rejects(demoServer("fast" as never), TypeError);
  assert.throws(() => server.imageUrl(400, 200, "Sports!"), RangeError);
});

test("close cuts waiting requests and frees the port; a re-run cell disposes of its server", async (t) => {
  const s = await demoServer({ latencyMs: 0, hangRate: 1 });
  t.after(() => s.close());
  const waiting = fetch(s.siteUrl).catch((error: Error) => error);
  await new Promise((r) => setTimeout(r, 50));
  await s.close();
  assert.match(String(await waiting), /socket hang up|ECONNRESET/);
  assert.equal(s.listening, false);
  const probe = http.createServer().listen(Number(new URL(s.url).port), "127.0.0.1");
  await once(probe, "listening");
  probe.close();

  const before = liveResources();
  await beginCell("server-cell");
  const first = await demoServer();
  t.after(() => first.close());
  assert.equal(liveResources(), before + 1);
  await beginCell("server-cell");
  assert.equal(first.listening, false);
  assert.equal(liveResources(), before);
  await beginCell(undefined);
});
