"""Times Jupyter kernels side by side, for `npm run bench` (bench/kernel.ts).

Usage: python bench/kernel_timings.py ROUNDS HISTORY CWD KERNEL...
Each round starts every kernel in turn (the order alternates), and measures: start to the first
kernel_info reply, the first cell (and start to its result), a trivial cell, and a trivial cell after HISTORY cells.
Prints one JSON object: {kernel: {measure: [seconds per round]}}. CPU seconds of the kernel
process are given too, since wall time on a shared machine includes waiting for a core.
"""
import json
import os
import sys
import time

from jupyter_client import KernelManager

TICK = os.sysconf("SC_CLK_TCK")
CELLS = {
    "concurrence": ("1 + 1", "const v{i} = {i};\nfunction f{i}(x: number) {{ return x + v{i}; }}\nf{i}(1)"),
    "python3": ("1 + 1", "v{i} = {i}\ndef f{i}(x):\n    return x + v{i}\nf{i}(1)"),
}
# Our kernel started the plain way, without its startup snapshot (kernel/snapshot/start.sh).
VARIANTS = {"concurrence-plain": ("concurrence", {"CONCURRENCE_KERNEL_SNAPSHOT": "0"})}


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def run(kc, code):
    start = time.perf_counter()
    reply = kc.execute_interactive(code, timeout=30, output_hook=lambda msg: None)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"{code!r} failed: {reply['content']}")
    return time.perf_counter() - start


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def measure(name, history, cwd):
    kernel, env = VARIANTS.get(name, (name, {}))
    trivial, cell = CELLS[kernel]
    start = time.perf_counter()
    km = KernelManager(kernel_name=kernel)
    km.start_kernel(cwd=cwd, env={**os.environ, **env})
    try:
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=120)
        ready = time.perf_counter() - start
        pid = km.provisioner.process.pid
        first = run(kc, trivial)
        first_cpu = cpu_seconds(pid)
        again = median([run(kc, trivial) for _ in range(9)])
        try:
            for i in range(history):
                run(kc, cell.format(i=i))
            later = median([run(kc, trivial) for _ in range(9)])
        except TimeoutError:
            # Seen with our kernel after about 125 quick cells: an iopub message (the idle status)
            # never comes. Reported as missing (null) rather than hanging the bench.
            print(f"{name}: a cell's output never came after {i} history cells", file=sys.stderr)
            later = None
        kc.stop_channels()
        return {"start": ready, "first_cell": first, "start_to_first_result": ready + first, "start_to_first_cell_cpu": first_cpu, "trivial": again, "after_history": later}
    finally:
        km.shutdown_kernel(now=True)


def main():
    rounds, history, cwd, kernels = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4:]
    results = {name: {} for name in kernels}
    for r in range(rounds):
        for name in kernels if r % 2 == 0 else list(reversed(kernels)):
            for key, value in measure(name, history, cwd).items():
                results[name].setdefault(key, []).append(value)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
