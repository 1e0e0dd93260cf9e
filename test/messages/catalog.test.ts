// One catalog per language: the same messages in French (the default) and in English.
import assert from "node:assert/strict";
import { test } from "node:test";
import { NotSelfContainedError, ThreadPool } from "../../src/index.js";
import { en } from "../../src/messages/en.js";
import { fr } from "../../src/messages/fr.js";
import { language, messages } from "../../src/messages/index.js";

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
  assert.deepEqual(same, ["where.argument"], "every message is translated (\"argument\" is the same word in both)");
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
