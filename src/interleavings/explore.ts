// explore(model): every interleaving, through the deduplicated state graph. How many
// interleavings reach each state is counted by dynamic programming over the graph (the sum over
// the steps that lead there), so deduplication changes the work, never the counts.
import { messages } from "../messages/index.js";
import { findCycles, type CycleReport, type StarvationReport } from "./cycles.js";
import { buildGraph, pathOf, type Graph, type StateNode } from "./graph.js";
import { checkModel, described, type Model } from "./model.js";
import { components, isCyclic } from "./scc.js";

export interface ExploreOptions {
  /** Past this many states, explore() stops with a StateLimitError that says what to do. @default 100000 */
  maxStates?: number;
  /** false: no deduplication, every path explored on its own (for the benchmark). @default true */
  dedupe?: boolean;
}

/** A final state (every thread finished), how many interleavings end in it, and one of them. */
export interface Outcome<S = any> { final: S; count: number; example: string[] }
export interface BlockedThread { thread: string; waitsFor: string }
/** A state where every unfinished thread is blocked, reached by a shortest schedule. */
export interface Deadlock<S = any> {
  schedule: string[];
  blocked: BlockedThread[];
  /** Who holds each lock there. */
  locks: Record<string, { holders: string[]; queue: string[] }>;
  shared: S;
  count: number;
}
/** A step that threw (an assertion of the model, a release of a lock not held). */
export interface Failure { schedule: string[]; thread: string; step: string; message: string; count: number }

export interface Exploration<S = any> {
  model: string;
  /** Complete executions: to a final state, a deadlock or an error. Infinity if the model can loop. */
  interleavings: number;
  /** Distinct states visited. */
  states: number;
  transitions: number;
  outcomes: Outcome<S>[];
  deadlocks: Deadlock<S>[];
  failures: Failure[];
  livelocks: CycleReport[];
  starvation: StarvationReport[];
  dedupe: boolean;
  seconds: number;
}

const DEFAULTS = { maxStates: 100_000, dedupe: true };

function checkOptions(options: ExploreOptions): Required<ExploreOptions> {
  if (typeof options !== "object" || options === null) throw new TypeError(messages().options.object("options", described(options)));
  const maxStates = options.maxStates ?? DEFAULTS.maxStates;
  if (!Number.isInteger(maxStates) || maxStates < 1) throw new RangeError(messages().options.positiveInteger("options.maxStates", described(maxStates)));
  const dedupe = options.dedupe ?? DEFAULTS.dedupe;
  if (typeof dedupe !== "boolean") throw new TypeError(messages().options.boolean("options.dedupe", described(dedupe)));
  return { maxStates, dedupe };
}

/** How many paths from the start reach each state (Infinity past a cycle), and which can still finish. */
function countPaths(nodes: readonly StateNode[]): { paths: number[]; canFinish: boolean[]; cyclic: number[][] } {
  const all = nodes.map((_, i) => i);
  const order = components(nodes, all); // reverse topological
  const paths = new Array<number>(nodes.length).fill(0);
  const canFinish = new Array<boolean>(nodes.length).fill(false);
  const cyclic: number[][] = [];
  paths[0] = 1;
  for (let c = order.length - 1; c >= 0; c--) {
    const component = order[c];
    if (isCyclic(nodes, component)) {
      cyclic.push(component);
      for (const v of component) paths[v] = Infinity;
    }
    const members = new Set(component);
    for (const v of component) for (const e of nodes[v].edges) if (!members.has(e.to)) paths[e.to] += paths[v];
  }
  for (const component of order) {
    const members = new Set(component);
    const can = component.some((v) => nodes[v].status === "final" || nodes[v].edges.some((e) => !members.has(e.to) && canFinish[e.to]));
    for (const v of component) canFinish[v] = can;
  }
  return { paths, canFinish, cyclic };
}

export function summarize<S>(graph: Graph, dedupe: boolean, seconds: number): Exploration<S> {
  const { nodes, model } = graph;
  const names = model.threadNames;
  const schedule = (id: number) => pathOf(nodes, id).map((i) => names[i]);
  const { paths, canFinish, cyclic } = countPaths(nodes);
  const outcomes = new Map<string, Outcome<S>>();
  const deadlocks: Deadlock<S>[] = [];
  const failures: Failure[] = [];
  let interleavings = cyclic.length ? Infinity : 0;
  nodes.forEach((node, id) => {
    if (node.status === "open") return;
    if (!cyclic.length) interleavings += paths[id];
    if (node.status === "final") {
      const seen = outcomes.get(node.shared!);
      if (seen) seen.count += paths[id];
      else outcomes.set(node.shared!, { final: JSON.parse(node.shared!) as S, count: paths[id], example: schedule(id) });
    } else if (node.status === "deadlock") {
      deadlocks.push({
        schedule: schedule(id),
        blocked: node.blocked.map((b) => ({ thread: names[b.thread], waitsFor: b.waitsFor })),
        locks: node.locks!,
        shared: JSON.parse(node.shared!) as S,
        count: paths[id],
      });
    } else if (node.status === "failed") {
      const f = node.failure!;
      failures.push({ schedule: schedule(id), thread: names[f.thread], step: f.label, message: f.message, count: paths[id] });
    }
  });
  const { livelocks, starvation } = findCycles(nodes, cyclic, canFinish, names);
  const byLength = <T extends { schedule: string[] }>(a: T, b: T) => a.schedule.length - b.schedule.length;
  return {
    model: model.name,
    interleavings,
    states: nodes.length,
    transitions: graph.transitions,
    outcomes: [...outcomes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, o]) => o),
    deadlocks: deadlocks.sort(byLength),
    failures: failures.sort(byLength),
    livelocks,
    starvation,
    dedupe,
    seconds,
  };
}

/**
 * Runs the model under every interleaving. Gives the distinct final states with how many
 * interleavings reach each and an example schedule, the deadlocks (shortest schedule first),
 * the steps that threw, and the cycles without progress (livelock, starvation).
 *
 * @example
 * const r = explore(perte);
 * r.interleavings; // 20
 * r.outcomes;      // [{ final: { x: 1 }, count: 18, example: [...] }, { final: { x: 2 }, count: 2, example: [...] }]
 */
export function explore<S extends object>(m: Model<S>, options: ExploreOptions = {}): Exploration<S> {
  const checked = checkModel(m, "explore") as Model<S>;
  const { maxStates, dedupe } = checkOptions(options);
  const started = performance.now();
  const graph = buildGraph(checked, { maxStates, dedupe });
  return summarize<S>(graph, dedupe, (performance.now() - started) / 1000);
}
