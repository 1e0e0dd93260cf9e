// One catalog per language: the same messages in French (the default) and in English.
import assert from "node:assert/strict";
import { test } from "node:test";
import { NotSelfContainedError, ThreadPool, plots, slider } from "../../src/index.js";
import { say } from "../../src/exercises/check.js";
import { en } from "../../src/messages/en.js";
import { fr } from "../../src/messages/fr.js";
import { language, messages } from "../../src/messages/index.js";
import { cpuCountFrom } from "../../src/quota/cpus.js";

/** Every message's path, and what it gives for sample arguments. */
function flatten(catalog: object, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const name = `${prefix}${key}`;
    if (typeof value === "function") out.set(name, String((value as (...args: unknown[]) => unknown)("X", ["y"], 3, "Z")));
    else if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value as object, `${name}.`)) out.set(k, v);
  }
  return out;
}

test("French and English have the same messages, none empty, and they differ", () => {
  const french = flatten(fr);
  const english = flatten(en);
  assert.deepEqual([...french.keys()].sort(), [...english.keys()].sort());
  for (const [key, text] of french) {
    assert.ok(text.length > 0 && english.get(key)!.length > 0, key);
  }
  const same = [...french].filter(([key, text]) => english.get(key) === text).map(([key]) => key);
  assert.deepEqual(same, ["where.argument", "trace.thread"], "every message is translated (\"argument\" and \"thread 3\" are the same words in both)");
  for (const area of ["trace", "quota", "widgets"]) assert.ok([...french.keys()].some((key) => key.startsWith(`${area}.`)), `the catalog has the ${area} messages`);
});

test("the language is French by default and English with CONCURRENCE_LANG=en", (t) => {
  const saved = process.env.CONCURRENCE_LANG;
  t.after(() => (saved === undefined ? delete process.env.CONCURRENCE_LANG : (process.env.CONCURRENCE_LANG = saved)));
  assert.equal(language({}), "fr");
  assert.equal(language({ CONCURRENCE_LANG: "fr" }), "fr");
  assert.equal(language({ CONCURRENCE_LANG: "en" }), "en");
  assert.equal(language({ CONCURRENCE_LANG: "en_GB.UTF-8" }), "en");
  assert.equal(language({ CONCURRENCE_LANG: "entier" }), "fr");

  delete process.env.CONCURRENCE_LANG;
  assert.equal(messages(), fr);
  assert.throws(() => new ThreadPool({ workers: 0 }), { name: "RangeError", message: "options.workers doit être un entier strictement positif, reçu `0` (number)" });
  const french = new NotSelfContainedError("la fonction `f`", ["k"]);
  assert.match(french.message, /^la fonction `f` utilise `k`, défini hors de la fonction/);
  assert.deepEqual([french.name, french.functionName, french.variables], ["NotSelfContainedError", "la fonction `f`", ["k"]]);

  process.env.CONCURRENCE_LANG = "en";
  assert.equal(messages(), en);
  assert.throws(() => new ThreadPool({ workers: 0 }), { name: "RangeError", message: "options.workers must be a positive integer, got `0` (number)" });
});

test("the trace, quota, widget and checker messages follow language() too: en_GB is English", (t) => {
  const saved = process.env.CONCURRENCE_LANG;
  t.after(() => (saved === undefined ? delete process.env.CONCURRENCE_LANG : (process.env.CONCURRENCE_LANG = saved)));
  const texts = () => [
    (() => { try { plots.trace(42 as never); } catch (e) { return (e as Error).message; } })(),
    (() => { try { cpuCountFrom({ env: { CONCURRENCE_CPUS: "deux" } }); } catch (e) { return (e as Error).message; } })(),
    (() => { try { slider({ min: 9, max: 1 }); } catch (e) { return (e as Error).message; } })(),
    say("juste", "right"),
  ];
  delete process.env.CONCURRENCE_LANG;
  assert.deepEqual(texts(), [
    fr.trace.notTrace("42"),
    fr.quota.badCpus("deux"),
    fr.widgets.minAboveMax("`9` (number)", "`1` (number)"),
    "juste",
  ]);
  process.env.CONCURRENCE_LANG = "en_GB.UTF-8";
  assert.deepEqual(texts(), [
    en.trace.notTrace("42"),
    en.quota.badCpus("deux"),
    en.widgets.minAboveMax("`9` (number)", "`1` (number)"),
    "right",
  ]);
});
