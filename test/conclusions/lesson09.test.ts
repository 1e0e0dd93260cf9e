// Lesson 09's conclusions, every branch, from made-up rows.
import assert from "node:assert/strict";
import { test } from "node:test";
import { conclusions } from "../../src/index.js";

test("startupVersusWork: start-up costlier than the work, or the reverse", () => {
  assert.match(conclusions.startupVersusWork({ what: "10 processus", startSeconds: 0.5, count: 10_000, workSeconds: 0.02 }), /^Démarrer 10 processus \(0\.500 s\) coûte 25\.00 fois le calcul de 10\s000 nombres.*ralentirait/);
  assert.match(conclusions.startupVersusWork({ what: "10 processus", startSeconds: 0.5, count: 500_000, workSeconds: 2 }), /^Le calcul de 500\s000 nombres \(2\.000 s\) dure 4\.00 fois le démarrage.*peut y gagner/);
});

test("bestVersion: a parallel version wins, or none clearly does", () => {
  assert.match(conclusions.bestVersion([{ version: "ThreadPool ×2", speedup: 1.8 }, { version: "ProcessPool ×2", speedup: 1.5 }]), /ThreadPool ×2, 1\.80 fois plus rapide/);
  assert.match(conclusions.bestVersion([{ version: "ThreadPool ×2", speedup: 1.05 }, { version: "10 Process", speedup: 0.4 }]), /Aucune version parallèle.*ThreadPool ×2, accélération 1\.05/);
  assert.throws(() => conclusions.bestVersion([]), RangeError);
});

test("orphanedTasks: nothing left, or tasks still running or queued", () => {
  assert.match(conclusions.orphanedTasks({ submitted: 8, completed: 2, failed: 0, cancelled: 6, running: 0 }), /\(6 annulée\(s\)\) : aucune tâche orpheline/);
  assert.match(conclusions.orphanedTasks({ submitted: 8, completed: 3, failed: 0, cancelled: 0, running: 2 }), /2 tâche\(s\) tournent encore et 3 attendent.*orphelines/);
  assert.match(conclusions.orphanedTasks({ submitted: 4, completed: 3, failed: 0, cancelled: 0, running: 0 }), /0 tâche\(s\) tournent encore et 1 attendent.*orphelines/);
  assert.match(conclusions.orphanedTasks({ submitted: 4, completed: 2, failed: 2, cancelled: 0, running: 0 }), /aucune tâche orpheline/, "a failed task is settled, not orphaned");
});
