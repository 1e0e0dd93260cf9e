# JupyterHub for a class on one server: `npm run hub` starts it (scripts/hub.ts sets the
# CONCURRENCE_HUB_* variables below; each has a default, so `jupyterhub -f` on this file works too).
# Each student gets their own Unix account and single-user server, the course kernel as default,
# the student edition synced into ~/cours, and limits: a CPU share and a memory limit enforced by
# cgroups, a ceiling on the workers one kernel may start, and idle culling.
import atexit
import os
import sys

c = get_config()  # noqa: F821 (given by JupyterHub)

here = os.path.dirname(os.path.abspath(__file__))
project = os.path.dirname(os.path.dirname(here))
venv_bin = os.path.dirname(sys.executable)


def setting(name, default):
    return os.environ.get(f"CONCURRENCE_HUB_{name}", default)


data = os.path.abspath(setting("DATA", os.path.join(project, ".hub")))
homes = os.path.abspath(setting("HOMES", "/home"))
edition = setting("EDITION", os.path.join(data, "edition"))
cpus = float(setting("CPUS", "2"))
memory = setting("MEMORY", "2G")
max_workers = setting("MAX_WORKERS", str(max(12, 4 * int(cpus + 0.999))))

# Network: everything on loopback unless told otherwise; put TLS in front for a real class.
ip = setting("IP", "127.0.0.1")
c.JupyterHub.bind_url = f"http://{ip}:{setting('PORT', '8000')}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{setting('HUB_PORT', '8081')}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{setting('PROXY_API_PORT', '8001')}"
c.ConfigurableHTTPProxy.command = [
    setting("PROXY", os.path.join(project, "node_modules", ".bin", "configurable-http-proxy"))
]
c.ConfigurableHTTPProxy.pid_file = os.path.join(data, "jupyterhub-proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{os.path.join(data, 'jupyterhub.sqlite')}"
c.JupyterHub.cookie_secret_file = os.path.join(data, "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True  # stopping the hub stops every student's server

# Authentication: NativeAuthenticator (students sign up, the teacher approves them at
# /hub/authorize). deploy/README.md shows OAuth and LDAP instead.
c.JupyterHub.authenticator_class = "native"
c.NativeAuthenticator.open_signup = False
c.Authenticator.admin_users = {setting("ADMIN", "prof")}
c.Authenticator.allow_all = True  # NativeAuthenticator itself refuses those not approved

# One Unix account per student (jupyter-<name>, made at first login, home 0700), as The
# Littlest JupyterHub does: the hub runs as root and starts each server as its student. Where
# systemd runs, SystemdSpawner puts each server in a unit with CPUQuota and MemoryMax; elsewhere
# LocalProcessSpawner, with the server moved into a cgroup of its own below the hub's (spawner.py).
sys.path.insert(0, here)
import cgroups  # noqa: E402
import spawner  # noqa: E402

if spawner.systemd_runs() and setting("SPAWNER", "") != "local":
    c.JupyterHub.spawner_class = spawner.systemd_spawner()
    c.SystemdSpawner.username_template = "jupyter-{USERNAME}"
    c.SystemdSpawner.isolate_tmp = True
    c.SystemdSpawner.isolate_devices = True
    c.SystemdSpawner.disable_user_sudo = True
    c.SystemdSpawner.readonly_paths = [project]
else:
    c.JupyterHub.spawner_class = spawner.ConcurrenceSpawner
    # One parent cgroup per hub (its pid): two hubs on one machine never share one.
    c.ConcurrenceSpawner.cgroup_parent = f"concurrence-hub-{os.getpid()}"
    atexit.register(lambda: cgroups.remove(cgroups.folders(f"concurrence-hub-{os.getpid()}")))
c.Spawner.homes = homes
c.Spawner.course = project
c.Spawner.edition = edition
c.Spawner.ip = "127.0.0.1"
c.Spawner.cmd = [os.path.join(venv_bin, "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab/tree/cours"
c.Spawner.args = ["--MappingKernelManager.default_kernel_name=concurrence"]
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

# Limits, enforced by the cgroup (above): a CPU share (CFS quota; cpuCount() reads it, and
# CPU_LIMIT too) and a memory limit past which the kernel's OOM killer ends the biggest process
# of that student only (their kernel); the next cell of the restarted kernel says why.
c.Spawner.cpu_limit = cpus
c.Spawner.mem_limit = memory
c.Spawner.environment = {"CONCURRENCE_MAX_WORKERS": str(max_workers)}

# Idle servers are stopped after `--cull` seconds without activity (0: never), by
# jupyterhub-idle-culler as a hub service; what the student saved stays in their home.
cull = int(setting("CULL", "600"))
if cull > 0:
    c.JupyterHub.load_roles = [{
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }]
    c.JupyterHub.services = [{
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={cull}",
                    f"--cull-every={max(1, min(60, cull // 2))}"],
    }]

# The hub's own data (database, cookie secret, edition) is root's only.
os.makedirs(data, exist_ok=True)
os.chmod(data, 0o700)
