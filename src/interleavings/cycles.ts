// Cycles without progress, each with a schedule that reaches it (a shortest prefix) and a
// cycle that comes back to where it started. Only cycles a fair scheduler could follow count:
// a thread that never moves in the cycle must be blocked somewhere on it (otherwise only a
// scheduler that ignores it forever keeps it out, which is not the code's fault).
//  - livelock: every unfinished thread moves in the cycle, none can leave it for good without
//    luck, and yet the model can finish (a final state is reachable from the cycle);
//  - starvation: one unfinished thread never moves in the cycle, is blocked somewhere on it,
//    while the others move.
import type { Edge, StateNode } from "./graph.js";
import { components, isCyclic, walkTo } from "./scc.js";

export interface CycleReport {
  /** A shortest schedule from the start to the first state of the cycle. */
  readonly prefix: string[];
  /** Steps that come back to that state: prefix then cycle, again and again, never ends. */
  readonly cycle: string[];
  /** The threads that move in the cycle. */
  readonly threads: string[];
}
export interface StarvationReport extends CycleReport {
  /** The thread that never moves in the cycle. */
  readonly starved: string;
}

type Names = readonly string[];

function closedWalk(nodes: readonly StateNode[], members: ReadonlySet<number>, entry: number, goals: ((at: number, e: Edge) => boolean)[], keep: (e: Edge) => boolean): number[] | null {
  const threads: number[] = [];
  let at = entry;
  for (const goal of goals) {
    const walk = walkTo(nodes, members, at, goal, keep);
    if (!walk) return null;
    threads.push(...walk.threads);
    at = walk.end;
  }
  if (at !== entry) {
    const back = walkTo(nodes, members, at, (_, e) => e.to === entry, keep);
    if (!back) return null;
    threads.push(...back.threads);
  }
  return threads;
}

function entryOf(nodes: readonly StateNode[], component: readonly number[]): number {
  return component.reduce((best, v) => (nodes[v].depth < nodes[best].depth || (nodes[v].depth === nodes[best].depth && v < best) ? v : best));
}

function prefixOf(nodes: readonly StateNode[], id: number, names: Names): string[] {
  const path: string[] = [];
  for (let n = id; n > 0; n = nodes[n].parent) path.push(names[nodes[n].via]);
  return path.reverse();
}

export function findCycles(
  nodes: readonly StateNode[],
  cyclic: readonly number[][],
  canFinish: readonly boolean[],
  names: Names,
): { livelocks: CycleReport[]; starvation: StarvationReport[] } {
  const livelocks: CycleReport[] = [];
  const starvation: StarvationReport[] = [];
  for (const component of cyclic) {
    const members = new Set(component);
    const inside = (e: Edge) => members.has(e.to);
    const unfinished = names.map((_, i) => i).filter((i) => !nodes[component[0]].finished.includes(i));
    const moving = new Set(component.flatMap((v) => nodes[v].edges.filter(inside).map((e) => e.thread)));
    const entry = entryOf(nodes, component);
    if (unfinished.every((i) => moving.has(i)) && canFinish[entry]) {
      const goals = unfinished.map((i) => (_: number, e: Edge) => e.thread === i);
      const cycle = closedWalk(nodes, members, entry, goals, inside);
      if (cycle) livelocks.push({ prefix: prefixOf(nodes, entry, names), cycle: cycle.map((i) => names[i]), threads: unfinished.map((i) => names[i]) });
    }
    for (const t of unfinished) {
      const keep = (e: Edge) => e.thread !== t && members.has(e.to);
      const blockedAt = (v: number, who: number) => nodes[v].blocked.some((b) => b.thread === who);
      const fair = (sub: number[]) => {
        const steps = new Set(sub.flatMap((v) => nodes[v].edges.filter((e) => keep(e) && sub.includes(e.to)).map((e) => e.thread)));
        return sub.some((v) => blockedAt(v, t)) && unfinished.every((u) => u === t || steps.has(u) || sub.some((v) => blockedAt(v, u)));
      };
      const subs = components(nodes, component, keep).filter((sub) => isCyclic(nodes, sub, keep) && fair(sub));
      if (subs.length === 0) continue;
      const sub = subs.reduce((a, b) => (nodes[entryOf(nodes, a)].depth <= nodes[entryOf(nodes, b)].depth ? a : b));
      const subMembers = new Set(sub);
      const subEntry = entryOf(nodes, sub);
      const movers = [...new Set(sub.flatMap((v) => nodes[v].edges.filter((e) => keep(e) && subMembers.has(e.to)).map((e) => e.thread)))];
      const goals = [(v: number) => blockedAt(v, t), ...movers.map((i) => (_: number, e: Edge) => e.thread === i)];
      const cycle = closedWalk(nodes, subMembers, subEntry, goals, (e) => keep(e) && subMembers.has(e.to));
      if (cycle) {
        starvation.push({ prefix: prefixOf(nodes, subEntry, names), cycle: cycle.map((i) => names[i]), threads: movers.map((i) => names[i]), starved: names[t] });
      }
    }
  }
  return { livelocks: shortestBy(livelocks, (l) => l.threads.join(",")), starvation: shortestBy(starvation, (s) => s.starved) };
}

/** One report per group (the threads in a livelock, the starved thread): the shortest, shortest first. */
function shortestBy<T extends CycleReport>(reports: T[], group: (r: T) => string): T[] {
  const length = (r: T) => r.prefix.length + r.cycle.length;
  const best = new Map<string, T>();
  for (const r of reports) {
    const seen = best.get(group(r));
    if (!seen || length(r) < length(seen)) best.set(group(r), r);
  }
  return [...best.values()].sort((a, b) => length(a) - length(b));
}
