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
  return options.dedupe ? breadthFirst(model, options) : depthFirst(model, options);
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
 * Without deduplication the graph is a tree, as deep as the longest run: depth first, one
 * execution goes down and back up (undo), and only an undone thread is rebuilt.
 */
function depthFirst(model: Model, options: GraphOptions): Graph {
  const nodes: StateNode[] = [];
  const add = adder(model, nodes, new Map(), options.maxStates);
  const run = new Execution(model);
  const threads = model.threadNames.length;
  let transitions = 0;
  add(-1, -1, 0, null);
  const stack = [{ id: 0, next: 0 }];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    const node = nodes[frame.id];
    if (frame.next === threads) {
      classify(node, run, threads);
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
    const to = add(frame.id, i, node.depth + 1, null);
    node.edges.push({ thread: i, to, label: run.threads[i].label });
    stack.push({ id: to, next: 0 });
  }
  return { model, nodes, transitions };
}

function breadthFirst(model: Model, options: GraphOptions): Graph {
  const nodes: StateNode[] = [];
  const seen = new Map<string, number>();
  const add = adder(model, nodes, seen, options.maxStates);
  add(-1, -1, 0, new Execution(model).key());
  let transitions = 0;
  for (let id = 0; id < nodes.length; id++) {
    const node = nodes[id];
    if (node.status !== "open") continue;
    const run = Execution.replay(model, pathOf(nodes, id));
    if (node.key !== null && run.key() !== node.key) throw new ModelError(messages().interleavings.nondeterministic(model.threadNames[node.via]));
    for (let i = 0; i < model.threadNames.length; i++) {
      const failed = (label: string, message: string) => {
        const to = add(id, i, node.depth + 1, null);
        Object.assign(nodes[to], { status: "failed", failure: { thread: i, label, message }, shared: stableJson(run.shared) });
        transitions++;
        return to;
      };
      if (tryThread(node, run, i, failed) === "stayed") continue;
      transitions++;
      const key = run.key();
      const to = seen.get(key) ?? add(id, i, node.depth + 1, key);
      node.edges.push({ thread: i, to, label: run.threads[i].label });
      run.undo();
    }
    classify(node, run, model.threadNames.length);
  }
  return { model, nodes, transitions };
}
