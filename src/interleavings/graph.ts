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
  readonly parent: number;
  /** The thread whose step led here from the parent. */
  readonly via: number;
  readonly depth: number;
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
  const nodes: StateNode[] = [];
  const seen = new Map<string, number>();
  const add = (parent: number, via: number, depth: number, key: string | null): number => {
    if (nodes.length >= options.maxStates) throw new StateLimitError(messages().interleavings.stateLimit(model.name, options.maxStates), options.maxStates);
    nodes.push({ parent, via, depth, key, status: "open", edges: [], blocked: [], finished: [] });
    if (key !== null) seen.set(key, nodes.length - 1);
    return nodes.length - 1;
  };
  add(-1, -1, 0, options.dedupe ? new Execution(model).key() : null);
  let transitions = 0;
  for (let id = 0; id < nodes.length; id++) {
    const node = nodes[id];
    if (node.status !== "open") continue;
    const run = Execution.replay(model, pathOf(nodes, id));
    if (node.key !== null && run.key() !== node.key) throw new ModelError(messages().interleavings.nondeterministic(model.threadNames[node.via]));
    for (let i = 0; i < model.threadNames.length; i++) {
      const got = run.step(i);
      if (got.kind === "finished") node.finished.push(i);
      else if (got.kind === "blocked") node.blocked.push({ thread: i, waitsFor: got.waitsFor });
      else if (got.kind === "error") {
        const to = add(id, i, node.depth + 1, null);
        nodes[to].status = "failed";
        nodes[to].failure = { thread: i, label: got.label, message: got.message };
        nodes[to].shared = stableJson(run.shared);
        node.edges.push({ thread: i, to, label: got.label });
        transitions++;
      } else {
        transitions++;
        const key = options.dedupe ? run.key() : null;
        const to = (key !== null ? seen.get(key) : undefined) ?? add(id, i, node.depth + 1, key);
        node.edges.push({ thread: i, to, label: got.label });
        run.undo();
      }
    }
    if (node.finished.length === model.threadNames.length) node.status = "final";
    else if (node.edges.length === 0) node.status = "deadlock";
    if (node.status !== "open") {
      node.shared = stableJson(run.shared);
      node.locks = run.lockView();
    }
  }
  return { model, nodes, transitions };
}
