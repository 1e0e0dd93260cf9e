"""Executes a notebook in a fresh kernel with nbclient and writes the result elsewhere.

Usage: python scripts/execute_notebook.py SOURCE.ipynb OUTPUT.ipynb [--timeout SECONDS]
       [--cwd DIR] [--coalesce-streams]

The source notebook is never modified. The kernel runs in --cwd (default: the source's
folder). --coalesce-streams merges consecutive stream outputs of the same name, as
JupyterLab shows them (each print of a thread is its own message). Errors do not stop the run: every cell runs, and
the caller inspects the outputs. The output file is written atomically.
"""
import argparse
import os
import sys
import tempfile

import nbformat
from nbclient import NotebookClient
from nbconvert.preprocessors import CoalesceStreamsPreprocessor


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("output")
    parser.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    parser.add_argument("--cwd", help="the kernel's working directory (default: the source's folder)")
    parser.add_argument("--coalesce-streams", action="store_true", help="merge consecutive stream outputs")
    args = parser.parse_args()

    source = os.path.abspath(args.source)
    output = os.path.abspath(args.output)
    if source == output:
        print("the output must be another file: the source notebook is never modified", file=sys.stderr)
        return 2

    nb = nbformat.read(source, as_version=4)
    kernel_name = nb.metadata.get("kernelspec", {}).get("name", "concurrence")
    client = NotebookClient(
        nb,
        timeout=args.timeout,
        kernel_name=kernel_name,
        allow_errors=True,
        # No widget state in the result: exports then show the widgets' text/plain, never a
        # "Loading widget..." that needs the widget manager from a CDN; interact outputs stay plain.
        store_widget_state=False,
        resources={"metadata": {"path": os.path.abspath(args.cwd) if args.cwd else os.path.dirname(source)}},
    )
    client.execute()
    if args.coalesce_streams:
        nb, _ = CoalesceStreamsPreprocessor().preprocess(nb, {})

    os.makedirs(os.path.dirname(output), exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=os.path.dirname(output), suffix=".ipynb.tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        nbformat.write(nb, f)
    os.chmod(temporary, 0o644)
    os.replace(temporary, output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
