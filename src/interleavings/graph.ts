// The state graph of a model, built breadth first: each state is visited once (deduplicated by
// its key), so the first path that reaches a state is a shortest one. A state is rebuilt for its
// expansion by replaying that path in a fresh execution.
import { ModelError, StateLimitError } from "../errors.js";
import { messages } from "../messages/index.js";
import type { Model } from "./model.js";
import { Execution } from "./run.js";
import { stableJson } from "./json.js";

export interface Edge { readonly thread: number; readonly to: number; readonly label: string }
export type Status = "open" | "final" | "deadlock" | "failed";
export interface StateNode {
  /** The state before, on a shortest path from the start (-1 for the start). */
  parent: number;
  /** The thread whose step led here from the parent. */
  via: number;
  depth: number;
  /** The state's key, kept to check that replaying its path rebuilds it (deduplicated graphs only). */
  readonly key: string | null;
  status: Status;
  edges: Edge[];
  /** Threads that cannot move here, with what they wait for. */
  blocked: { thread: number; waitsFor: string }[];
  finished: number[];
  /** The shared state (JSON), for final and deadlocked states. */
  shared?: string;
  locks?: Record<string, { holders: string[]; queue: string[] }>;
  failure?: { thread: number; label: string; message: string };
}

export interface GraphOptions {
  /** Past this many states, a StateLimitError. */
  maxStates: number;
  /** false: every path is its own branch (a tree), to measure what deduplication saves. */
  dedupe: boolean;
}

export interface Graph {
  readonly model: Model;
  readonly nodes: StateNode[];
  /** Transitions followed. */
  readonly transitions: number;
}

export function pathOf(nodes: readonly StateNode[], id: number): number[] {
  const path: number[] = [];
  for (let n = id; n > 0; n = nodes[n].parent) path.push(nodes[n].via);
  return path.reverse();
}

export function buildGraph(model: Model, options: GraphOptions): Graph {
  const graph = depthFirst(model, options);
  if (options.dedupe) shortestPaths(graph.nodes);
  return graph;
}

/** Sets each state's parent to one on a shortest path from the start (breadth first, threads in order). */
function shortestPaths(nodes: StateNode[]): void {
  const seen = new Uint8Array(nodes.length);
  seen[0] = 1;
  const queue = [0];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const e of nodes[v].edges) {
      if (seen[e.to]) continue;
      seen[e.to] = 1;
      Object.assign(nodes[e.to], { parent: v, via: e.thread, depth: nodes[v].depth + 1 });
      queue.push(e.to);
    }
  }
}

/** Adds a state, or fails past the limit. */
function adder(model: Model, nodes: StateNode[], seen: Map<string, number>, maxStates: number) {
  return (parent: number, via: number, depth: number, key: string | null): number => {
    if (nodes.length >= maxStates) throw new StateLimitError(messages().interleavings.stateLimit(model.name, maxStates), maxStates);
    nodes.push({ parent, via, depth, key, status: "open", edges: [], blocked: [], finished: [] });
    if (key !== null) seen.set(key, nodes.length - 1);
    return nodes.length - 1;
  };
}

/** What the state `run` is in is, once every thread has been tried there. */
function classify(node: StateNode, run: Execution, threads: number): void {
  if (node.finished.length === threads) node.status = "final";
  else if (node.edges.length === 0) node.status = "deadlock";
  if (node.status !== "open") {
    node.shared = stableJson(run.shared);
    node.locks = run.lockView();
  }
}

/** Tries thread i where `run` is; a step is left done (the caller undoes it). */
function tryThread(node: StateNode, run: Execution, i: number, failed: (label: string, message: string) => number): "moved" | "stayed" {
  const got = run.step(i);
  if (got.kind === "finished") node.finished.push(i);
  else if (got.kind === "blocked") node.blocked.push({ thread: i, waitsFor: got.waitsFor });
  else if (got.kind === "error") node.edges.push({ thread: i, to: failed(got.label, got.message), label: got.label });
  else return "moved";
  return "stayed";
}

/**
 * Depth first, one execution goes down and back up (undo), and only an undone thread is
 * rebuilt (from its own past): far cheaper than replaying a whole path for each state. With
 * deduplication, a state met again is not entered twice.
 */
function depthFirst(model: Model, options: GraphOptions): Graph {
  const nodes: StateNode[] = [];
  const seen = new Map<string, number>();
  const add = adder(model, nodes, seen, options.maxStates);
  const run = new Execution(model);
  const threads = model.threadNames.length;
  let transitions = 0;
  add(-1, -1, 0, options.dedupe ? run.key() : null);
  const closed: boolean[] = [];
  const stack = [{ id: 0, next: 0 }];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    const node = nodes[frame.id];
    if (frame.next === threads) {
      classify(node, run, threads);
      closed[frame.id] = true;
      stack.pop();
      if (stack.length) run.undo();
      continue;
    }
    const i = frame.next++;
    const failed = (label: string, message: string) => {
      const to = add(frame.id, i, node.depth + 1, null);
      Object.assign(nodes[to], { status: "failed", failure: { thread: i, label, message }, shared: stableJson(run.shared) });
      transitions++;
      return to;
    };
    if (tryThread(node, run, i, failed) === "stayed") continue;
    transitions++;
    const key = options.dedupe ? run.key() : null;
    const known = key === null ? undefined : seen.get(key);
    if (known !== undefined) {
      node.edges.push({ thread: i, to: known, label: run.threads[i].label });
      if (closed[known]) checkSameMoves(model, nodes, known, run, seen);
      run.undo();
      continue;
    }
    const to = add(frame.id, i, node.depth + 1, key);
    node.edges.push({ thread: i, to, label: run.threads[i].label });
    stack.push({ id: to, next: 0 });
  }
  return { model, nodes, transitions };
}

/** What thread j does from a state: its next state's id, or -1 finished, -2 blocked, -3 failed. */
function moveOf(nodes: readonly StateNode[], id: number, j: number): number {
  const node = nodes[id];
  if (node.finished.includes(j)) return -1;
  if (node.blocked.some((b) => b.thread === j)) return -2;
  const edge = node.edges.find((e) => e.thread === j);
  return edge === undefined || nodes[edge.to].status === "failed" ? -3 : edge.to;
}

/**
 * A state met again by another path must move as it did the first time, one step on for each
 * thread: otherwise a thread keeps something the state does not hold (a variable of a helper
 * generator, a loop's position under one label) or is not deterministic, and merging the two
 * would give wrong counts. A ModelError names the first thread that differs.
 */
function checkSameMoves(model: Model, nodes: readonly StateNode[], known: number, run: Execution, seen: ReadonlyMap<string, number>): void {
  for (let j = 0; j < model.threadNames.length; j++) {
    const got = run.step(j);
    let move: number;
    if (got.kind === "finished") move = -1;
    else if (got.kind === "blocked") move = -2;
    else if (got.kind === "error") move = -3;
    else {
      move = seen.get(run.key()) ?? -4;
      run.undo();
    }
    if (move !== moveOf(nodes, known, j)) throw new ModelError(messages().interleavings.nondeterministic(model.threadNames[j]));
  }
}
