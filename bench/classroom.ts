// `BENCH_ONLY=classroom npm run bench` (as root): a class logs in at once on the course's hub,
// each student as their own account in their own cgroup, and each runs a cell that starts a
// pool. It reports the time until every student has a result, the memory per student (their
// cgroup's usage: server, kernel and workers) and how many failed. BENCH_CLASS_STUDENTS=30.
import { readFileSync } from "node:fs";
import path from "node:path";
import { cleanUp, drive, startHub, studentCgroups, studentNames, type Hub, type StudentResult } from "../test/deploy/classroom.js";
import { median } from "./interleave.js";

const STUDENTS = Number(process.env.BENCH_CLASS_STUDENTS ?? 30);
const CELL = [
  'import { ThreadPool, cpuCount } from "concurrence";',
  "const pool = new ThreadPool({ workers: cpuCount() });",
  "const carres = await pool.map((x: number) => x * x, Array.from({ length: 100 }, (_, i) => i));",
  "await pool.close();",
  "console.log(carres.reduce((a, b) => a + b, 0));",
].join("\n");
const EXPECTED = `${Array.from({ length: 100 }, (_, i) => i * i).reduce((a, b) => a + b, 0)}\n`;

/** The memory a student's processes hold (not the page cache): v1 total_rss, v2 anon. */
function usage(dir: string): number | undefined {
  try {
    const stat = readFileSync(path.join(dir, "memory.stat"), "utf8");
    const found = /^(?:total_rss|anon) (\d+)$/m.exec(stat);
    return found ? Number(found[1]) : undefined;
  } catch {
    return undefined;
  }
}

export async function classroom(summary: string[]): Promise<void> {
  if (process.getuid?.() !== 0) {
    console.log("  skipped: the classroom bench makes Unix accounts, run it as root");
    summary.push("classroom: skipped (not root)");
    return;
  }
  const letters = Array.from({ length: STUDENTS }, (_, i) => `s${i}`);
  const { hub: students, unix } = studentNames(letters);
  let hub: Hub | undefined;
  try {
    hub = await startHub(students, unix, ["--cpus", "1", "--memory", "1G", "--cull", "0"], [
      "c.Spawner.start_timeout = 900",
      "c.Spawner.http_timeout = 900",
      "c.JupyterHub.concurrent_spawn_limit = 0",
      // A whole class starting its TypeScript kernels at once on 2 cores: Jupyter Server's 60 s
      // wait for a kernel's first reply is too short there.
      'c.Spawner.args.append("--MappingKernelManager.kernel_info_timeout=900")',
    ]);
    const started = Date.now();
    process.env.HUB_DRIVER_KEEP_GOING = "1";
    const results = drive(hub.url, "run", students, [CELL], 1_200_000) as Array<StudentResult & { error?: string }>;
    const seconds = (Date.now() - started) / 1000;
    delete process.env.HUB_DRIVER_KEEP_GOING;
    const memory = studentCgroups(unix)
      .filter((dir) => dir.includes("/memory/") || !dir.includes("/cpu/"))
      .map(usage)
      .filter((n): n is number => n !== undefined && n > 0)
      .map((n) => n / 2 ** 20);
    const failed = results.filter((r) => r.cells[0]?.status !== "ok" || r.cells[0]?.stdout !== EXPECTED);
    console.log(`  ${STUDENTS} students logged in at once, each ran a cell with a ThreadPool: every result in ${seconds.toFixed(1)} s`);
    console.log(`  memory per student (server + kernel + workers: their cgroup's resident memory): median ${median(memory).toFixed(0)} MiB, max ${Math.max(...memory).toFixed(0)} MiB (${memory.length} read)`);
    console.log(`  failed: ${failed.length}${failed.length ? ` (${failed.map((f) => `${f.user}: ${f.error ?? f.cells[0]?.ename ?? "?"}`).join("; ")})` : ""}`);
    summary.push(`classroom: ${STUDENTS} students at once, all results in ${seconds.toFixed(1)} s, ${median(memory).toFixed(0)} MiB per student (median), ${failed.length} failed`);
  } catch (error) {
    console.log(`  failed: ${(error as Error).message.trim().split("\n").slice(-4).join(" | ")}`);
    summary.push("classroom: FAILED (see above)");
  } finally {
    if (hub) {
      const { left, cgroups } = await hub.stop();
      if (left.length || cgroups.length) console.log(`  left after the hub stopped (now killed): ${left.length} processes, ${cgroups.length} cgroups`);
      cleanUp(hub, false);
    }
  }
}
