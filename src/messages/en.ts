// The library's and the kernel's messages in English (CONCURRENCE_LANG=en); same keys as fr.ts.
import type { Messages } from "./fr.js";

export const en: Messages = {
  options: {
    positiveInteger: (name, got) => `${name} must be a positive integer, got ${got}`,
    nonNegativeNumber: (name, got) => `${name} must be a number >= 0, got ${got}`,
    func: (name, got) => `${name} must be a function, got ${got}`,
    array: (name, got) => `${name} must be an array, got ${got}`,
    object: (name, got) => `${name} must be an object, got ${got}`,
    waitTimeout: (name, got) => `${name} must be a number of milliseconds >= 0 (or Infinity), got ${got}`,
    taskTimeout: (name, got) => `${name} must be a number of milliseconds > 0, got ${got}`,
    nonNegativeInteger: (name, got) => `${name} must be an integer >= 0, got ${got}`,
    signal: (name, got) => `${name} must be an AbortSignal (from new AbortController().signal), got ${got}`,
    iterable: (name, got) => `${name} must be an iterable (an array, a Set, a generator...), got ${got}`,
    oneOf: (name, allowed, got) => `${name} must be one of ${allowed}, got ${got}`,
    numberInRange: (name, min, max, got) => `${name} must be a number from ${min} to ${max}, got ${got}`,
    integerInRange: (name, min, max, got) => `${name} must be an integer from ${min} to ${max}, got ${got}`,
    string: (name, got) => `${name} must be a string, got ${got}`,
    nonEmpty: (name, got) => `${name} must not be empty, got ${got}`,
    boolean: (name, got) => `${name} must be true or false, got ${got}`,
    seed: (got) => `seed must be an integer, got ${got}`,
    bindToCell: (got) => `bindToCell takes a subscription (with unsubscribe()), an object with dispose(), or a function, got ${got}`,
  },
  functions: {
    named: (name) => `function \`${name}\``,
    anonymous: "this function",
    notSelfContained: (fn, variables) => {
      const list = variables.map((v) => `\`${v}\``).join(", ");
      const many = variables.length > 1;
      return (
        `${fn} uses ${list}, defined outside the function. ` +
        `A function run in a thread or a process only sees its own code: ` +
        `pass ${many ? "them" : "it"} as ${many ? "arguments" : "an argument"}, or require() modules inside the function.`
      );
    },
    native: (name, fn) =>
      `${name} must be a function written in JavaScript or TypeScript, got a native or bound function (${fn || "anonymous"}); ` +
      `wrap it: (x) => yourFunction(x)`,
    unreadable: (name) => `${name} could not be read back from its source; define it with \`function\` or as an arrow function`,
    neverReached: (id) => `function #${id} never reached this worker`,
    notCloneable: (where, what) =>
      `${where} cannot be sent to another thread or process: ${what}. ` +
      `Pass numbers, strings, booleans, arrays, plain objects, Maps, Sets, Dates or typed arrays; ` +
      `functions, sockets and class instances with methods cannot be copied.`,
  },
  pool: {
    closed: (kind) => `the pool is closed; create a new ${kind}`,
    cancelled: "the task was cancelled",
    terminated: "the pool was terminated",
    cancelledBySignal: "the task was cancelled by its AbortSignal",
    timedOut: (ms) => `the task ran longer than its timeout (${ms} ms) and was stopped`,
    threadExited: (code) => `the worker thread exited with code ${code} while running this task; the pool replaced it`,
    threadOutOfMemory: (limit) => `the worker thread ran out of memory (maxMemoryMb: ${limit}) while running this task; the pool replaced it`,
    nodeDefault: "Node's default",
    threadCrashed: (why) => `the worker thread crashed while running this task (${why}); the pool replaced it`,
    childExited: (pid, exit) => `the child process ${pid} ${exit} while running this task; the pool replaced it`,
  },
  threads: {
    startedTwice: "a thread can be started only once; create a new Thread to run it again",
    terminated: "the thread was terminated",
    endedEarly: (code) => `the thread ended before its function returned (exit code ${code})`,
  },
  processes: {
    startedTwice: "a process can be started only once; create a new Process to run it again",
    terminated: "the process was terminated",
    endedEarly: (pid, exit) => `the process ${pid} ${exit} before its function returned`,
    killed: (signal) => `was killed by ${signal}`,
    exited: (code) => `exited with code ${code}`,
    kernelGone: "the kernel that holds this queue is gone",
    queueOnlyInKernel: (what) =>
      `queue.${what} is not available in a child process (the queue lives in the kernel): use get() with a timeout, or poll()`,
    channelThroughQueue: "a Queue or a Pipe cannot go through a queue",
    onlyQueues: "only a Queue (or a Pipe) can be lent to a child process",
    queueDisposed: "this queue was disposed: the cell that created it was run again",
    childEnded: "the child process ended",
  },
  memory: {
    acrossProcesses: (what) =>
      `${what} lives in shared memory (a SharedArrayBuffer), and a child process has its own memory: it cannot be sent to a Process or a ProcessPool. ` +
      `Run the function in a Thread or a ThreadPool to share it, or exchange values with a Queue or a Pipe, which work between processes ` +
      `(the parent holds the data, like a multiprocessing manager).`,
  },
  http: {
    status: (url, status, text) => `GET ${url} answered ${status}${text ? ` ${text}` : ""}`,
    timeout: (url, ms) => `GET ${url} got no complete answer within ${ms} ms (options.timeoutMs): raise the timeout or check the server`,
  },
  hints: {
    notInstalled: (root) => `the library is not installed: run \`npm install\` in ${root}, then restart the kernel.`,
    outside: (folder, root) =>
      `this notebook's folder (${folder}) is outside the concurrence project: open notebooks from ${root} or a folder inside it, where \`concurrence\` is installed.`,
    noNodeTypes: (folder, root) => `@types/node was not found from ${folder}: run \`npm install\` in ${root}, then restart the kernel.`,
  },
  kernel: {
    line: "line",
    colon: ": ",
    column: "column",
    cell: (count) => `Cell In[${count}]`,
    in: "in",
    hint: "Hint",
    andMore: (n) => ` (and ${n} more)`,
    interrupted: "the cell was interrupted; its running tasks were cancelled and the kernel is ready",
    noReason:
      "TypeScript could not compile this cell and gave no reason. Most often @types/node is missing: " +
      "run `npm install` in the concurrence project, then restart the kernel.",
    nothingKnown: (name) => `Nothing is known about \`${name}\` here.`,
    cause: "Cause:",
  },
};
