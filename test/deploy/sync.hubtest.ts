// The rule that brings the course into a student's home (deploy/jupyterhub/sync_edition.py, on
// nbgitpuller): new lessons and the teacher's changes arrive, a deleted lesson comes back, and
// a file the student changed stays byte-identical, even when the teacher changed it too.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { publishEdition } from "../../scripts/hub/edition.js";
import { NOTEBOOKS, PROJECT_ROOT, venvBin } from "../../scripts/paths.js";

const SYNC = path.join(PROJECT_ROOT, "deploy", "jupyterhub", "sync_edition.py");
const [A, B] = ["01-threads-et-processus.ipynb", "03-synchronisation.ipynb"];

function sync(repo: string, target: string): string {
  const result = spawnSync(venvBin("python"), [SYNC, repo, "main", target], { encoding: "utf8", timeout: 60_000 });
  assert.equal(result.status, 0, `sync_edition.py failed: ${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** The teacher's notebook with one more markdown line in its first cell. */
function amended(file: string, line: string): string {
  const nb = JSON.parse(readFileSync(file, "utf8")) as { cells: Array<{ source: string[] }> };
  nb.cells[0].source.push(`\n${line}`);
  return JSON.stringify(nb, null, 1) + "\n";
}

test("re-syncing keeps the student's changed files byte-identical and brings everything else", { timeout: 120_000 }, () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "concurrence-sync-"));
  try {
    const source = path.join(tmp, "notebooks");
    mkdirSync(source);
    for (const f of [A, B]) copyFileSync(path.join(NOTEBOOKS, f), path.join(source, f));
    const repo = path.join(tmp, "edition");
    publishEdition({ from: source, repo });
    const home = path.join(tmp, "home", "cours");
    sync(repo, home);
    assert.ok(readFileSync(path.join(home, A)).equals(readFileSync(path.join(repo, A))), "the first sync is the edition");

    // The student edits A and deletes B; the teacher changes A and B and adds a lesson.
    const mine = amended(path.join(home, A), "Mes notes.");
    writeFileSync(path.join(home, A), mine);
    unlinkSync(path.join(home, B));
    writeFileSync(path.join(source, A), amended(path.join(source, A), "Note de l'enseignant."));
    writeFileSync(path.join(source, B), amended(path.join(source, B), "Correction de l'enseignant."));
    copyFileSync(path.join(NOTEBOOKS, "02-histoire-threads-processus.ipynb"), path.join(source, "02-histoire-threads-processus.ipynb"));
    assert.equal(publishEdition({ from: source, repo }).changed, true);
    assert.match(sync(repo, home), /1 file\(s\) changed by the student kept/);

    assert.equal(readFileSync(path.join(home, A), "utf8"), mine, "the student's notebook is byte-identical");
    assert.ok(readFileSync(path.join(home, B)).equals(readFileSync(path.join(repo, B))), "the deleted lesson is back, with the teacher's change");
    assert.ok(readFileSync(path.join(home, "02-histoire-threads-processus.ipynb")).equals(readFileSync(path.join(repo, "02-histoire-threads-processus.ipynb"))), "the new lesson arrived");

    // A second round: the student's file, committed by nbgitpuller meanwhile, is still theirs.
    writeFileSync(path.join(source, A), amended(path.join(source, A), "Deuxième note."));
    publishEdition({ from: source, repo });
    sync(repo, home);
    assert.equal(readFileSync(path.join(home, A), "utf8"), mine, "still byte-identical after a second re-sync");
    assert.equal(publishEdition({ from: source, repo }).changed, false, "publishing the same edition again commits nothing");
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
