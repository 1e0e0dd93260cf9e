"""The Jupyter project's kernel conformance suite (jupyter_kernel_test), run against the
concurrence kernel with a sample for every test it has.

Run by test/kernel/conformance.test.ts from the project's venv, in a folder where the
library resolves (the kernel's cwd is this process's cwd). Prints one JSON line last:
{"tests", "run", "failures", "errors", "skipped"}; subtests' skips count, each with its reason.
"""
import json
import sys
import unittest

import jupyter_kernel_test


class ConcurrenceKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "concurrence"
    language_name = "typescript"
    file_extension = ".ts"

    code_hello_world = 'console.log("hello, world");'
    code_stderr = 'console.error("une erreur, sur stderr");'

    completion_samples = [
        {"text": "Math.ma", "matches": {"max"}},
        {"text": 'import * as c from "concurrence";\nc.ThreadP', "matches": {"ThreadPool"}},
        {"text": 'import { ThreadPool } from "concurrence";\nnew ThreadPool({ wo', "matches": {"workers"}},
        {"text": "const bonjour = 1;\nbonj", "matches": {"bonjour"}},
    ]

    complete_code_samples = ["1 + 1", "const x = 1;", "function f(n: number) {\n  return n;\n}", "for (;;) {}"]
    incomplete_code_samples = ["function f(n: number) {", "const xs = [1,", "if (true) {\n  console.log(1);"]
    invalid_code_samples = ["const = 1;", "1 +* 2", "}"]

    code_page_something = "Math.max?"

    code_generate_error = 'throw new Error("boum");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"con" + "currence"', "result": "'concurrence'"},
        {"code": "[1, 2, 3].map((x) => x * x)", "result": "[ 1, 4, 9 ]"},
        {"code": "Promise.resolve(5)", "result": "5"},
    ]
    code_history_pattern = "6 ?*"
    supported_history_operations = ("tail", "range", "search")

    code_display_data = [
        {"code": 'import * as tslab from "tslab";\ntslab.display.html("<b>bonjour</b>");', "mime": "text/html"},
        {
            "code": 'import { show, plots } from "concurrence";\n'
            'await show(plots.bars([{ mode: "threads", workers: 2, seconds: 1 }], { x: "mode", y: "seconds" }));',
            "mime": "application/vnd.vegalite.v5+json",
        },
        {"code": 'import { table } from "concurrence";\ntable([{ a: 1, b: 2 }]);', "mime": "text/html"},
    ]

    code_inspect_sample = "Math.max"

    code_clear_output = 'import { clearOutput } from "concurrence";\nconsole.log("effacé");\nclearOutput();'


# IopubWelcomeTests is left out: the iopub welcome message (JEP 65) is protocol 5.4, on an
# XPUB socket; this kernel speaks protocol 5.3 on the PUB socket that tslab binds.


def main() -> int:
    suite = unittest.TestSuite()
    loader = unittest.TestLoader()
    suite.addTests(loader.loadTestsFromTestCase(ConcurrenceKernelTests))
    names = sorted(t.id().rsplit(".", 1)[-1] for t in suite)
    runner = unittest.TextTestRunner(stream=sys.stderr, verbosity=2)
    result = runner.run(suite)
    summary = {
        "tests": names,
        "run": result.testsRun,
        "failures": [[str(t), tb] for t, tb in result.failures],
        "errors": [[str(t), tb] for t, tb in result.errors],
        "skipped": [[str(t), reason] for t, reason in result.skipped],
    }
    print(json.dumps(summary))
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
