// Messages of JupyterLab's debugger on the course's kernel (kernel/debug/), in English.
export const debuggerText = {
  cellFrame: (count: number) => `Cell [${count}]`,
  locals: "Locals",
  globals: "Notebook names",
  lockHeld: "held",
  lockFree: "free",
  notPaused: "the kernel is not stopped at a breakpoint: set one in a cell, then run it",
  unknownFrame: "this call stack is gone: the code has resumed since; wait for the next stop",
  unknownVariables: "these variables are gone: the code has resumed since; expand them at the next stop",
  unknownSource: (path: string) => `unknown source: ${path} (run the cell again with the debugger on)`,
  unsupported: (command: string) => `the debugger command "${command}" is not supported by this kernel`,
  evaluateFailed: (message: string) => `the evaluation failed: ${message}`,
};
