// Lesson 04's conclusion on the turtle's path, one test per branch, on made-up paths.
import assert from "node:assert/strict";
import { test } from "node:test";
import { turtlePath } from "../../src/conclusions/lesson04.js";

const triangle = [{ x: 0, y: 0 }, { x: 50, y: 0 }, { x: 25, y: 43.3 }, { x: 0, y: 0.01 }];

test("a closed figure, then nothing more", () => assert.equal(turtlePath(triangle), "La tortue est revenue à son point de départ après 3 pas : elle a tracé une figure fermée à 3 côtés."));
test("a closed figure, then more moves", () => assert.match(turtlePath([...triangle, { x: 0, y: 50 }]), /à 3 côtés, puis a fait 1 pas de plus, jusqu'en \(0, 50\)/));
test("never back to its start", () => assert.match(turtlePath([{ x: 0, y: 0 }, { x: 50, y: 0 }, { x: 100, y: 0 }]), /^La tortue n'est jamais revenue à son point de départ : 2 pas, jusqu'en \(100, 0\)/));
test("no move at all", () => assert.match(turtlePath([{ x: 0, y: 0 }]), /^La tortue n'a pas avancé/));
