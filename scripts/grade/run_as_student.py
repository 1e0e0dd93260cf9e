"""Runs a command as a student, inside a cgroup with the student's limits, and cleans up.

    python run_as_student.py ACCOUNT CPUS MEMORY TIMEOUT WORKDIR -- COMMAND...

Run as root by `npm run grade`. The cgroup is made below this process's own cgroup
(concurrence-grade-<pid>/<account>, deploy/jupyterhub/cgroups.py), the command enters it and
takes the student's uid before it starts, with WORKDIR as its home and working directory (the
student's real home is never written). Past TIMEOUT seconds, everything in the cgroup is killed
and the exit status is 124. The cgroup is removed at the end, whatever happened.
"""
import os
import signal
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
project = os.path.dirname(os.path.dirname(here))  # scripts/grade/ -> the project
sys.path.insert(0, os.path.join(project, "deploy", "jupyterhub"))
import cgroups  # noqa: E402
from jupyterhub.spawner import set_user_setuid  # noqa: E402


def main():
    account, cpus, memory, timeout, workdir, sep, *command = sys.argv[1:]
    assert sep == "--" and command, __doc__
    import pwd

    user = pwd.getpwnam(account)
    parent = f"concurrence-grade-{os.getpid()}"
    dirs = cgroups.create(f"{parent}/{account}", cpus, memory)
    setuid = set_user_setuid(account, chdir=False)

    def preexec():
        cgroups.enter(dirs)
        setuid()
        os.chdir(workdir)

    env = {
        "HOME": workdir, "USER": account, "LANG": "C.UTF-8", "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "JUPYTER_RUNTIME_DIR": os.path.join(workdir, ".runtime"), "CPU_LIMIT": cpus,
        "MEM_LIMIT": str(cgroups.parse_memory(memory)), "CONCURRENCE_LANG": os.environ.get("CONCURRENCE_LANG", ""),
    }
    if "CONCURRENCE_MAX_WORKERS" in os.environ:
        env["CONCURRENCE_MAX_WORKERS"] = os.environ["CONCURRENCE_MAX_WORKERS"]
    status = 1
    try:
        child = subprocess.Popen(command, preexec_fn=preexec, env=env, start_new_session=True)
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: cgroups.remove(dirs, wait=1) and None)
        try:
            status = child.wait(timeout=float(timeout))
        except subprocess.TimeoutExpired:
            status = 124
        print(f"run_as_student: {account} {user.pw_uid} exited {status}", file=sys.stderr)
    finally:
        cgroups.remove(dirs, parents=1)  # kills whatever is left: the kernel, its workers
    return status if status >= 0 else 128 - status


if __name__ == "__main__":
    sys.exit(main())
