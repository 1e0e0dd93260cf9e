// The kernel's own speed beside IPython's, in one run: start to the first reply, the first cell,
// a trivial cell, and a trivial cell after HISTORY cells. jupyter_client (bench/kernel_timings.py)
// drives both kernels of the venv, in alternating order.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { NOTEBOOKS, PROJECT_ROOT, venvBin } from "../scripts/paths.js";
import { median } from "./interleave.js";

/** The median of the rounds that gave a figure (a lost output gives null); NaN if none did. */
function medianOf(values: Array<number | null>): number {
  const found = values.filter((v): v is number => typeof v === "number");
  return found.length > 0 ? median(found) : NaN;
}

const ROUNDS = Number(process.env.BENCH_KERNEL_ROUNDS ?? 3);
const HISTORY = Number(process.env.BENCH_KERNEL_HISTORY ?? 150);
/** Ours, ours without its startup snapshot (kernel/snapshot/), and IPython: the ratio is the first to the last. */
const KERNELS = ["concurrence", "concurrence-plain", "python3"];

type Timings = Record<string, Record<string, Array<number | null>>>;

const ROWS: Array<[string, string, (s: number) => string]> = [
  ["start", "start to the first reply", seconds],
  ["first_cell", "then the first cell, `1 + 1`", seconds],
  ["start_to_first_result", "start to the first cell's result", seconds],
  ["start_to_first_cell_cpu", "  CPU time from start to there", seconds],
  ["trivial", "a trivial cell", ms],
  ["after_history", `a trivial cell after ${HISTORY} cells`, ms],
];

export async function kernelSpeed(summary: string[]): Promise<void> {
  const script = path.join(PROJECT_ROOT, "bench", "kernel_timings.py");
  let timings: Timings;
  try {
    const { stdout } = await promisify(execFile)(venvBin("python"), [script, String(ROUNDS), String(HISTORY), NOTEBOOKS, ...KERNELS], { timeout: 900_000 });
    timings = JSON.parse(stdout) as Timings;
  } catch (error) {
    console.log(`  skipped: ${(error as Error).message.split("\n")[0]} (run npm run setup first)`);
    summary.push("kernel: skipped (the venv's kernels did not run)");
    return;
  }
  console.log(`  ${"".padEnd(50)} ${KERNELS.map((k) => k.padStart(17)).join(" ")}   ratio to IPython (medians of ${ROUNDS} rounds)`);
  for (const [key, label, show] of ROWS) {
    const figures = KERNELS.map((k) => medianOf(timings[k][key]));
    const [ours, , theirs] = figures;
    console.log(`  ${label.padEnd(50)} ${figures.map((v) => show(v).padStart(17)).join(" ")}   ${(ours / theirs).toFixed(2)}`);
  }
  const first = medianOf(timings.concurrence.start_to_first_result);
  const later = medianOf(timings.concurrence.after_history);
  summary.push(
    `kernel: start to the first cell's result ${seconds(first)} (target <= 1.0 s on a quiet 2-core machine; without the startup snapshot ${seconds(medianOf(timings["concurrence-plain"].start_to_first_result))}, IPython ${seconds(medianOf(timings.python3.start_to_first_result))} in this run, ` +
      `ratio ${(first / medianOf(timings.python3.start_to_first_result)).toFixed(2)}, target about 2)${first <= 1 ? "" : "  ABOVE TARGET"}; ` +
      `a cell after ${HISTORY} cells ${ms(later)} (target <= 15 ms)${later <= 0.015 ? "" : "  ABOVE TARGET"}`,
  );
}

function seconds(s: number): string {
  return `${s.toFixed(2)} s`;
}

function ms(s: number): string {
  return `${(s * 1000).toFixed(1)} ms`;
}
