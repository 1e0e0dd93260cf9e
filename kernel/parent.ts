// A kernel whose Jupyter server died without shutting it down ends too, as ipykernel's
// ParentPoller does. Jupyter starts kernels in their own session, so no signal reaches them
// when the server goes; jupyterhub-singleuser, on SIGINT from its spawner, exits that way.

/** Whether `pid` is alive (signal 0 checks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Checks every `intervalMs` that the process that started the kernel (JPY_PARENT_PID, which
 * jupyter_client sets, else the parent) is still there, and exits when it is not.
 */
export function exitWithParent(intervalMs = 1000, env: NodeJS.ProcessEnv = process.env): void {
  const startedBy = process.ppid;
  const parent = Number(env.JPY_PARENT_PID) || startedBy;
  if (!Number.isInteger(parent) || parent <= 1) return; // a server that is PID 1 outlives us anyway
  const timer = setInterval(() => {
    // A dead parent, or an orphan adopted by init or a subreaper (the pid may be reused).
    if (!alive(parent) || process.ppid !== startedBy) process.exit(0);
  }, intervalMs);
  timer.unref();
}
