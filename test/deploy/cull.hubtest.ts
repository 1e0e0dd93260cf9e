// `npm run hub -- --cull SECONDS`: jupyterhub-idle-culler stops a server left idle; what the
// student saved stays byte-identical, the server's cgroup goes, and the next login starts afresh.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { cleanUp, drive, processesOf, startHub, studentCgroups, studentNames, uidOf } from "./classroom.js";

const { hub: STUDENTS, unix: ACCOUNTS } = studentNames(["c"]);
const CULL = 20; // longer than a server takes to start and run the first cell here

test("an idle server is culled, its notebook intact, and the next login starts a fresh one", { timeout: 240_000 }, async () => {
  const hub = await startHub(STUDENTS, ACCOUNTS, ["--cpus", "1", "--memory", "1G", "--cull", String(CULL)]);
  let failed = true;
  let outcome = { left: [] as string[], cgroups: [] as string[] };
  try {
    const cell = "require('node:fs').writeFileSync('mes-notes.txt', 'Un pool par cœur.\\n'); console.log(process.pid);";
    const first = drive(hub.url, "run", STUDENTS, [cell])[0].cells[0];
    assert.equal(first.status, "ok", `${first.ename}: ${first.evalue}`);
    const notes = path.join(hub.homes, ACCOUNTS[0], "cours", "mes-notes.txt");
    const lesson = path.join(hub.homes, ACCOUNTS[0], "cours", "01-threads-et-processus.ipynb");
    const saved = [readFileSync(notes), readFileSync(lesson)];
    const uid = uidOf(ACCOUNTS[0])!;
    assert.ok(processesOf([uid]).length > 0, "the student's server runs");

    // Nobody touches it: the culler stops it (its check runs every CULL/2 seconds).
    let culled = false;
    for (let i = 0; i < (CULL * 4) / 0.5 && !culled; i++) {
      await sleep(500);
      culled = processesOf([uid]).length === 0 && studentCgroups(ACCOUNTS).length === 0;
    }
    assert.ok(culled, `the idle server was culled within ${CULL * 4} s, its cgroup removed`);
    assert.ok(readFileSync(notes).equals(saved[0]), "what the student saved is intact");
    assert.ok(readFileSync(lesson).equals(saved[1]), "the lesson is intact");

    const again = drive(hub.url, "run", STUDENTS, ["console.log(require('node:fs').readFileSync('mes-notes.txt', 'utf8'), process.pid);"])[0].cells[0];
    assert.equal(again.status, "ok");
    assert.match(again.stdout, /^Un pool par cœur\.\n \d+\n$/);
    assert.notEqual(again.stdout.trim().split(/\s+/).pop(), first.stdout.trim(), "a fresh kernel on a fresh server");
    failed = false;
  } finally {
    outcome = await hub.stop();
    cleanUp(hub, failed || outcome.left.length > 0);
  }
  assert.deepEqual(outcome.left, [], "nothing is left running");
  assert.deepEqual(outcome.cgroups, []);
  assert.equal(uidOf(ACCOUNTS[0]), undefined, "the account is removed");
});
