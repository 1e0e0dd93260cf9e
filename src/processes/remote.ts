// A child process's handle on a Queue that lives in the kernel (see broker.ts): every call is a
// message to the parent, so every method gives a promise. Loaded in child processes only.
import { ChannelClosedError } from "../errors.js";
import { untilClosed } from "../sync/queue.js";
import { encodeValue, defineKind, MARK, WIRE, type Target, type Wired } from "../sync/wire.js";
import { explainCloneError, fromTransferableError } from "../task/transfer.js";
import type { QueueOperation, QueueReply } from "./broker.js";
import { messages } from "../messages/index.js";

const calls = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
let nextCall = 0;

export function isQueueReply(message: unknown): message is QueueReply {
  return typeof message === "object" && message !== null && "reply" in message;
}

export function settleReply(reply: QueueReply): void {
  const pending = calls.get(reply.reply);
  if (!pending) return;
  calls.delete(reply.reply);
  if (reply.ok) pending.resolve(reply.value);
  else pending.reject(fromTransferableError(reply.error!));
}

function call(queue: number, op: QueueOperation, args: unknown[]): Promise<unknown> {
  if (!process.send || !process.connected) return Promise.reject(new ChannelClosedError(messages().processes.kernelGone));
  return new Promise((resolve, reject) => {
    const id = nextCall++;
    calls.set(id, { resolve, reject });
    try {
      process.send!({ call: id, queue, op, args });
    } catch (error) {
      calls.delete(id);
      reject(explainCloneError(error, messages().where.thisItem));
    }
  });
}

function notHere(what: string): never {
  throw new TypeError(messages().processes.queueOnlyInKernel(what));
}

/** The kernel's Queue, seen from a child process. */
export class RemoteQueue<T = unknown> implements AsyncIterable<T> {
  constructor(readonly id: number) {}

  put(item: T, timeoutMs?: number): Promise<void> {
    try {
      if (encodeValue(item, "process", messages().where.theItem).wired) throw new TypeError(messages().processes.channelThroughQueue);
    } catch (error) {
      return Promise.reject(error);
    }
    return call(this.id, "put", [item, timeoutMs]) as Promise<void>;
  }

  get(timeoutMs?: number): Promise<T> {
    return call(this.id, "get", [timeoutMs]) as Promise<T>;
  }

  poll(timeoutMs = 0): Promise<boolean> {
    return call(this.id, "poll", [timeoutMs]) as Promise<boolean>;
  }

  close(): Promise<void> {
    return call(this.id, "close", []) as Promise<void>;
  }

  size(): number {
    return notHere("size()");
  }

  empty(): boolean {
    return notHere("empty()");
  }

  full(): boolean {
    return notHere("full()");
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return untilClosed(() => this.get());
  }

  [WIRE](_target: Target): Wired {
    return { [MARK]: "Queue.remote", id: this.id };
  }
}

defineKind("Queue.remote", (w) => new RemoteQueue(w.id as number));
