"""Each student's server in a cgroup of its own, made below the hub's own cgroup, with a CPU
share and a memory limit that the kernel enforces. Used where systemd does not run (with
systemd, SystemdSpawner asks systemd for the same). cgroup v2 (`cpu.max`, `memory.max`) or v1
(`cpu.cfs_quota_us`, `memory.limit_in_bytes`, one hierarchy per controller), by writing the
cgroup files as cgroup-tools' cgcreate/cgset/cgdelete would.
"""
import os
import signal
import time

MOUNT = "/sys/fs/cgroup"
PERIOD_US = 100_000


def version():
    return 2 if os.path.exists(os.path.join(MOUNT, "cgroup.controllers")) else 1


def own_cgroup(controller, self_file="/proc/self/cgroup"):
    """This process's cgroup for a v1 controller (or v2's with controller None)."""
    with open(self_file) as f:
        for line in f:
            _, controllers, path = line.rstrip("\n").split(":", 2)
            if (controller is None and controllers == "") or (controller and controller in controllers.split(",")):
                return path
    raise RuntimeError(f"no {controller or 'v2'} cgroup in {self_file}")


def folders(name):
    """The folders of cgroup `name` (a relative path) below this process's own cgroups."""
    if version() == 2:
        return [os.path.join(MOUNT, own_cgroup(None).lstrip("/"), name)]
    return [os.path.join(MOUNT, c, own_cgroup(c).lstrip("/"), name) for c in ("cpu", "memory")]


def parse_memory(text):
    """'2G', '512M', '1.5G' or bytes, as bytes."""
    units = {"K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}
    text = str(text).strip().upper()
    if text[-1:] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def _write(folder, file, value):
    with open(os.path.join(folder, file), "w") as f:
        f.write(str(value))


def create(name, cpus, memory):
    """Makes cgroup `name` (and its parents) with the limits; gives its folders."""
    dirs = folders(name)
    quota = max(1000, int(float(cpus) * PERIOD_US))
    limit = parse_memory(memory) if memory else None
    for folder in dirs:
        if version() == 2:
            parent = os.path.dirname(folder)
            os.makedirs(parent, exist_ok=True)
            _write(parent, "cgroup.subtree_control", "+cpu +memory")
        os.makedirs(folder, exist_ok=True)
        if version() == 2:
            _write(folder, "cpu.max", f"{quota} {PERIOD_US}")
            if limit:
                _write(folder, "memory.max", limit)
                if os.path.exists(os.path.join(folder, "memory.swap.max")):
                    _write(folder, "memory.swap.max", 0)
        elif "/cpu/" in folder:
            _write(folder, "cpu.cfs_period_us", PERIOD_US)
            _write(folder, "cpu.cfs_quota_us", quota)
        elif limit:
            _write(folder, "memory.limit_in_bytes", limit)
            if os.path.exists(os.path.join(folder, "memory.memsw.limit_in_bytes")):
                try:
                    _write(folder, "memory.memsw.limit_in_bytes", limit)  # no escape into swap
                except OSError:
                    pass
    return dirs


def enter(dirs, pid=0):
    """Moves process `pid` (0: this one) into the cgroup; what it starts afterwards stays in."""
    for folder in dirs:
        _write(folder, "cgroup.procs", pid or os.getpid())


def pids(dirs):
    found = set()
    for folder in dirs:
        try:
            with open(os.path.join(folder, "cgroup.procs")) as f:
                found.update(int(line) for line in f if line.strip())
        except FileNotFoundError:
            pass
    return found


def remove(dirs, parents=0, wait=5.0):
    """Kills whatever is left in the cgroup, removes it, then up to `parents` empty parents."""
    deadline = time.monotonic() + wait
    while True:
        left = pids(dirs)
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        removed = True
        for folder in dirs:
            try:
                if os.path.isdir(folder):
                    os.rmdir(folder)
            except OSError:
                removed = False
        if removed or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    for folder in dirs:
        parent = folder
        for _ in range(parents):
            parent = os.path.dirname(parent)
            try:
                os.rmdir(parent)
            except OSError:
                break
    return removed
