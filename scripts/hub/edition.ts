// The student edition as a git repository, which nbgitpuller pulls into each student's home.
// Each publish regenerates it (npm run student's rule) and commits what changed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeEdition } from "../student/write.js";

export const EDITION_BRANCH = "main";

function git(repo: string, args: string[]): string {
  const result = spawnSync("git", ["-c", "user.name=concurrence", "-c", "user.email=concurrence@localhost", ...args], {
    cwd: repo,
    encoding: "utf8",
  });
  if (result.error) throw new Error(`git is needed to publish the course for nbgitpuller: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`\`git ${args.join(" ")}\` failed in ${repo}: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

/**
 * Writes the student edition of `from` into the repository `repo` (made if missing) and commits
 * it on `main` when it changed. Gives the commit that students will get.
 */
export function publishEdition({ from, repo }: { from: string; repo: string }): { commit: string; changed: boolean } {
  mkdirSync(repo, { recursive: true });
  if (!existsSync(path.join(repo, ".git"))) git(repo, ["init", "-q", "-b", EDITION_BRANCH]);
  // The teacher never edits this copy, so regenerating everything loses nothing.
  writeEdition({ from, to: repo, force: true });
  writeFileSync(path.join(repo, ".gitignore"), ".edition.json\n.edition-backup/\n.ipynb_checkpoints/\n");
  git(repo, ["add", "-A"]);
  const changed = git(repo, ["status", "--porcelain"]) !== "";
  if (changed) git(repo, ["commit", "-q", "-m", `Student edition of ${path.basename(from)}`]);
  return { commit: git(repo, ["rev-parse", "HEAD"]), changed };
}
