// Traced against untraced ThreadPool throughput, side by side in one run: the trace's cost.
import { ThreadPool, cpuCount, trace } from "../src/index.js";
import { bestRatio, describe, median, pairedRatio, sideBySide } from "./interleave.js";

const trivial = (x: number) => x + 1;

/** Gives the summary line. */
export async function traceOverhead(tasks: number, rounds: number): Promise<string> {
  const workers = cpuCount();
  const pool = new ThreadPool({ workers });
  const items = Array.from({ length: tasks }, (_, i) => i);
  let rows = 0;
  try {
    const submitAll = () => Promise.all(items.map((i) => pool.submit(trivial, i)));
    const result = await sideBySide(
      [
        { name: "untraced", run: submitAll },
        {
          name: "traced",
          run: async () => {
            const t = trace();
            try {
              await submitAll();
            } finally {
              t.stop();
            }
            rows = t.events.length;
          },
        },
      ],
      rounds,
      2,
    );
    console.log(`\nTrace overhead: ${tasks} trivial ThreadPool.submit tasks on ${workers} worker threads, with and without trace()`);
    for (const [name, values] of result) console.log(`  ${name.padEnd(22)} ${Math.round(tasks / median(values))} tasks/s  ${describe(values)}`);
    const best = bestRatio(result, "untraced", "traced");
    const paired = pairedRatio(result, "untraced", "traced");
    console.log(`  traced / untraced tasks/s: ${best.toFixed(2)} best runs, ${paired.toFixed(2)} median per round; ${rows} rows recorded per traced run`);
    return `traced ThreadPool tasks/s as a ratio of untraced: ${best.toFixed(2)} best runs, ${paired.toFixed(2)} median per round (target >= 0.9)${best >= 0.9 ? "" : "  BELOW TARGET"}`;
  } finally {
    await pool.close();
  }
}
