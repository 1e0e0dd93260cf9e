"""Brings the student edition into a student's folder with nbgitpuller, one way.

    python sync_edition.py REPO_URL BRANCH TARGET_DIR

nbgitpuller clones the edition the first time, then merges new commits: new lessons arrive,
a file the student deleted comes back, and where the student and the teacher changed the same
lines the student's lines win. Its merge still brings the teacher's other edits into a file the
student changed; a notebook is one JSON file, so this script keeps every file the student
changed byte-identical: it saves them before the pull and puts them back after it.
"""
import os
import subprocess
import sys
import tempfile

from nbgitpuller.pull import GitPuller


def changed_by_student(repo_dir, branch):
    """Files of the clone that differ from the edition as last synced: what the student wrote.
    nbgitpuller commits the student's changes, so they are compared with origin, not HEAD."""
    if not os.path.isdir(os.path.join(repo_dir, ".git")):
        return []
    out = subprocess.run(
        ["git", "diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", f"origin/{branch}", "--"],
        cwd=repo_dir, check=True, capture_output=True,
    ).stdout.decode()
    return [name for name in out.split("\0") if name]


def write_atomic(path, data):
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".sync-")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def sync(repo_url, branch, repo_dir):
    if os.path.isdir(os.path.join(repo_dir, ".git")):
        # The hub hands a new bundle of the edition at each start: fetch from it.
        subprocess.run(["git", "remote", "set-url", "origin", repo_url], cwd=repo_dir, check=True, capture_output=True)
    kept = {}
    for name in changed_by_student(repo_dir, branch):
        with open(os.path.join(repo_dir, name), "rb") as f:
            kept[name] = f.read()
    for line in GitPuller(repo_url, repo_dir, branch=branch).pull():
        print(line, end="" if line.endswith("\n") else "\n")
    for name, data in kept.items():
        path = os.path.join(repo_dir, name)
        if not os.path.exists(path) or open(path, "rb").read() != data:
            write_atomic(path, data)
    print(f"sync_edition: {repo_dir} is up to date; {len(kept)} file(s) changed by the student kept as they were")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: python sync_edition.py REPO_URL BRANCH TARGET_DIR")
    sync(*sys.argv[1:])
