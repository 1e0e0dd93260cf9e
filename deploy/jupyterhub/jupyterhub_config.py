# JupyterHub for a class on one server: `npm run hub` starts it (scripts/hub.ts sets the
# CONCURRENCE_HUB_* variables below; each has a default, so `jupyterhub -f` on this file works too).
# Students get their own single-user server, the course kernel as default, the student edition
# synced into ~/cours, and limits: a CPU share that cpuCount() reports, a memory limit and a
# ceiling on the workers one kernel may start.
import asyncio
import os
import sys

c = get_config()  # noqa: F821 (given by JupyterHub)

here = os.path.dirname(os.path.abspath(__file__))
project = os.path.dirname(os.path.dirname(here))
venv_bin = os.path.dirname(sys.executable)


def setting(name, default):
    return os.environ.get(f"CONCURRENCE_HUB_{name}", default)


data = os.path.abspath(setting("DATA", os.path.join(project, ".hub")))
homes = os.path.abspath(setting("HOMES", os.path.join(data, "homes")))
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

# Students without system accounts: one process per student, homes under one folder.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(homes, "{username}")
c.Spawner.ip = "127.0.0.1"
c.Spawner.cmd = [os.path.join(venv_bin, "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab/tree/cours"
c.Spawner.args = ["--MappingKernelManager.default_kernel_name=concurrence"]
if os.geteuid() == 0:  # a container or CI runs as root; Jupyter refuses to unless told
    c.Spawner.args.append("--allow-root")
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

# Limits. JupyterHub exports cpu_limit as CPU_LIMIT and mem_limit as MEM_LIMIT; cpuCount()
# follows CPU_LIMIT (and a cgroup quota, where a spawner such as SystemdSpawner or Kubernetes
# sets one). This spawner enforces neither: Node's heap is capped by NODE_OPTIONS instead.
c.Spawner.cpu_limit = cpus
c.Spawner.mem_limit = memory
units = {"K": 1 / 1024, "M": 1, "G": 1024, "T": 1024 * 1024}
heap_mb = int(float(memory[:-1]) * units[memory[-1].upper()]) if memory[-1].isalpha() else int(memory) // 2**20
c.Spawner.environment = {
    "CONCURRENCE_MAX_WORKERS": str(max_workers),
    "NODE_OPTIONS": f"--max-old-space-size={heap_mb}",
}


# The student edition, synced into ~/cours at each spawn: new lessons arrive, and a file the
# student changed is kept byte-identical (sync_edition.py, on nbgitpuller).
async def sync_course(spawner):
    home = os.path.join(homes, spawner.user.name)
    os.makedirs(home, exist_ok=True)
    process = await asyncio.create_subprocess_exec(
        sys.executable, os.path.join(here, "sync_edition.py"), edition, "main", os.path.join(home, "cours"),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"syncing the course into {home} failed: {out.decode(errors='replace')}")
    spawner.log.info("course synced for %s: %s", spawner.user.name, out.decode(errors="replace").strip().splitlines()[-1])


c.Spawner.pre_spawn_hook = sync_course

# Notebooks in ~/cours import "concurrence": Node and TypeScript look for node_modules in the
# folders above, so one link above the homes serves every student.
os.makedirs(homes, exist_ok=True)
link = os.path.join(homes, "node_modules")
if not os.path.lexists(link):
    os.symlink(os.path.join(project, "node_modules"), link)
