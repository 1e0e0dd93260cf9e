// The library's and the kernel's messages in English (CONCURRENCE_LANG=en); same keys as fr.ts.
import type { Messages } from "./fr.js";
import { interleavings } from "./en/interleavings.js";
import { names } from "./en/names.js";
import { debuggerText } from "./en/debugger.js";
import { oom } from "./en/oom.js";
import { quota } from "./en/quota.js";
import { lesson08, lesson09, lesson10 } from "./en/lessons-io-pools.js";
import { trace } from "./en/trace.js";
import { widgets } from "./en/widgets.js";
import { scheduler } from "./en/scheduler.js";
import { lessons0103 } from "./en/lessons0103.js";

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
    notStarted: "the thread has not started: call start() before join()",
    startedTwice: "a thread can be started only once; create a new Thread to run it again",
    terminated: "the thread was terminated",
    endedEarly: (code) => `the thread ended before its function returned (exit code ${code})`,
  },
  processes: {
    notStarted: "the process has not started: call start() before join()",
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
    what: (where, kind) => `${where} (${/^[AEIOU]/.test(kind) ? "an" : "a"} ${kind})`,
    acrossProcesses: (what) =>
      `${what} lives in shared memory (a SharedArrayBuffer), and a child process has its own memory: it cannot be sent to a Process or a ProcessPool. ` +
      `Run the function in a Thread or a ThreadPool to share it, or exchange values with a Queue or a Pipe, which work between processes ` +
      `(the parent holds the data, like a multiprocessing manager).`,
  },
  where: {
    argument: "argument",
    item: "item",
    result: "the result",
    theItem: "the item",
    thisItem: "This item",
    itsLock: "its lock",
    aPipe: "a pipe",
    argOfProcess: "An argument of this process",
    argOfThread: "An argument of this thread",
    argOfTask: "An argument of this task",
  },
  sync: {
    onlyFromKernel: (what) => `${what} can be sent to a child process only from the process that created it (the kernel)`,
    functionArgument: (where, name) =>
      `${where} is a function (${name || "anonymous"}), and a function cannot be sent to another thread or process: ` +
      `define it inside the function you run, or send the data it needs.`,
    liveHandle: (where, kind) =>
      `${where} is a ${kind}, which holds a live handle (a socket, a stream, a worker...) that exists only here, ` +
      `so it cannot be sent to another thread or process: send plain data (a port, a path...) and open it on the other side.`,
    cannotRevive: (kind) => `a ${kind} cannot be used here`,
    conditionLock: (got) => `lock must be a Lock or an RLock, got ${got}`,
    conditionNotHeld: (what) => `${what}() needs the condition's lock: call acquire() (or use with()) first`,
    pipeReceivesOnly: "this end of a one-way Pipe only receives: send() from the other end",
    pipeSendsOnly: (call) => `this end of a one-way Pipe only sends: ${call} ${call === "poll()" ? "the other end" : "from the other end"}`,
    pipeSendClosed: "send() on a closed pipe",
    pipeClosed: "the pipe is closed: the other end called close() and nothing is left to receive",
    duplex: (got) => `options.duplex must be a boolean, got ${got}`,
    queueBytes: (max, got) => `options.bytes must be between 64 and ${max}, got \`${got}\``,
    sharedThroughQueue: "a Lock, a Queue or a sharedValue cannot go through a queue: pass it as an argument to the thread instead",
    itemTooBig: (bytes, room) =>
      `this item takes ${bytes} bytes, more than the queue can hold (${room}): create the Queue with a larger options.bytes`,
    putClosed: "put() on a closed queue: it takes no more items",
    queueFull: (ms) => `the queue stayed full for ${ms} ms`,
    queueClosed: "the queue is closed and empty",
    queueEmpty: (ms) => `nothing arrived in the queue within ${ms} ms`,
    lockNotHeld: "release() on a Lock that is not held: each release() must follow an acquire()",
    rlockNotHeld: "release() on an RLock that this thread does not hold: only its holder may release it",
    lockTimeout: (ms) => `the lock was not taken within ${ms} ms, so the function did not run`,
    initial: (got) => `initial must be a number, got ${got}`,
    addNotAtomic: (type) => `add() is atomic only for integer types, not "${type}": guard \`value\` with a Lock instead`,
    delta: (got) => `delta must be a number, got ${got}`,
    waitInterrupted: (why) => `the wait was interrupted: ${why}`,
    waitDisposed: "the wait was cancelled: its cell was run again",
    waitCancelled: "the wait was cancelled",
    tooManyParties: (max, got) => `parties must be at most ${max}, got \`${got}\``,
    barrierTimeout: (waiting, parties) => `the barrier timed out with ${waiting} of ${parties} parties waiting`,
    barrierBroken: "the barrier is broken (aborted, or a party timed out): create a new Barrier",
    tooManyReleases: (would, bound) => `BoundedSemaphore released too many times: it would hold ${would} places, more than its ${bound}`,
  },
  http: {
    status: (url, status, text) => `GET ${url} answered ${status}${text ? ` ${text}` : ""}`,
    timeout: (url, ms) => `GET ${url} got no complete answer within ${ms} ms (options.timeoutMs): raise the timeout or check the server`,
  },
  io: {
    reRun: "the cell that started these requests was re-run",
    noStatuses: "options.failureStatuses must hold at least one status, got `[]`",
    urlString: (name, got) => `${name} must be a URL string, got ${got}`,
    absoluteUrl: (name, got) => `${name} must be an absolute URL like http://127.0.0.1:8080/page.html, got ${got}`,
    httpUrl: (name, got) => `${name} must be an http: or https: URL, got ${got}`,
    category: (got) => `category must use only a-z, 0-9 and -, got \`${got}\``,
    sameFile: (i, before, file) => `jobs[${i}].file repeats jobs[${before}].file (${file}): two downloads must not write the same file`,
    rgbBytes: (wanted, got) => `rgb must hold ${wanted} bytes, got ${got}`,
    maxDepth: (got) => `options.maxDepth must be an integer >= 0 or Infinity, got ${got}`,
  },
  gpu: {
    buildHint:
      "approve its build (npm install-scripts approve gl), install libxi-dev libglu1-mesa-dev libglew-dev pkg-config " +
      "libx11-dev libxext-dev, then run npm rebuild gl",
    glMissing: (hint) => `the \`gl\` package (headless-gl) is not installed: ${hint}`,
    glBroken: (why, hint) => `the \`gl\` package is installed but its native module did not load (${why}): ${hint}`,
    noDisplay: "headless-gl needs an X display and DISPLAY is not set: use the concurrence kernel (it starts Xvfb), or run the program under xvfb-run",
    noContext: (display) => `headless-gl could not open a WebGL context on the X display ${display}`,
    onGl: (display, software) =>
      `headless-gl opened a WebGL context on the X display ${display}, so gpu.js compiles kernels to GLSL shaders. ` +
      (software ? "The renderer is a software one: the shaders run on the CPU's cores, not on a graphics card." : "The shaders run on the graphics card."),
    withoutGl: (problem, wasm) =>
      `${problem}. So gpu.js ${wasm ? "compiles kernels to WebAssembly, which runs on the CPU." : "runs kernels as plain JavaScript, on the CPU."}`,
    unavailable: (mode, why) => `the ${mode} backend cannot run here: ${why}`,
    noWasm: "this runtime has no WebAssembly",
    output: (got) => `settings.output must be an array of 1 to 3 sizes, like [1024] or [columns, rows], got ${got}`,
    disposed: "this Gpu was disposed (its cell was re-run?): create a new one with new Gpu()",
    comparable: (name, got) => `${name} must be a vector, a matrix or a result with counts, got ${got}`,
    shapes: (actual, expected) => `actual has ${actual} values and expected ${expected}: they must have the same shape`,
    mismatch: (bad, total, abs, rel) =>
      `${bad} of ${total} values differ from the reference beyond the tolerance (largest absolute error ${abs}, relative ${rel})`,
    center: (got) => `options.center must be [re, im], two finite numbers, got ${got}`,
    zoom: (got) => `options.zoom must be a number > 0, got ${got}`,
    mandelbrotImage: (got) => `mandelbrotImage takes what mandelbrot() returns: { width, height, maxIterations, counts }, got ${got}`,
    op: (allowed, got) => `op must be one of ${allowed}, got ${got}`,
    vector: (name, got) => `${name} must be an array of numbers (number[] or a typed array), got ${got}`,
    empty: (name) => `${name} must not be empty`,
    number: (name, got) => `${name} must be a number, got ${got}`,
    matrix: (name, got) => `${name} must be a matrix: a non-empty array of rows (number[][] or Float32Array[]), got ${got}`,
    ragged: (name, width, i, length) => `${name} must have rows of equal length: ${name}[0] has ${width} numbers, ${name}[${i}] has ${length}`,
    product: (ah, aw, bh, bw) => `cannot multiply a ${ah}×${aw} matrix by a ${bh}×${bw} one: a's columns (${aw}) must equal b's rows (${bh})`,
    sameLength: (a, b) => `a and b must have the same length, got ${a} and ${b}`,
  },
  display: {
    rows: (got) => `rows must be an array of objects, got ${got}`,
    captions: (files, got) => `options.captions must hold one caption per file (${files}), got ${got}`,
    path: (name, got) => `${name} must be a path string, got ${got}`,
    picture: (name, got) => `${name} must be a .png, .jpg, .gif or .webp picture, got ${got}`,
  },
  bench: {
    emptySweep: "options.modes and options.workers must not be empty",
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
  trace,
  quota,
  lesson08,
  lesson09,
  lesson10,
  oom,
  widgets,
  interleavings,
  scheduler,
  names,
  lessons0103,
  debugger: debuggerText,
};
