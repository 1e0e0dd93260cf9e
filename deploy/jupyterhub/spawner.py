"""The spawners of the course's hub: each student's server runs as their own Unix account
(accounts.py), with the student edition synced into ~/cours as that student, inside a cgroup
that enforces the CPU share and the memory limit.

- `ConcurrenceSpawner` (JupyterHub's LocalProcessSpawner): where systemd does not run. The
  server is moved into its cgroup (cgroups.py, below the hub's own) between fork and exec, as
  root, then takes the student's uid: the server, its kernels and all they start are inside.
  The cgroup is removed (and whatever is left in it killed) when the server stops.
- `ConcurrenceSystemdSpawner` (jupyterhub-systemdspawner): where systemd runs, one transient
  unit per student, with systemd's CPUQuota and MemoryMax, as The Littlest JupyterHub does.
"""
import asyncio
import os
import shutil
import sys
import tempfile

from jupyterhub.spawner import LocalProcessSpawner, set_user_setuid
from traitlets import Unicode
from traitlets.config import LoggingConfigurable

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import accounts  # noqa: E402
import cgroups  # noqa: E402


def systemd_runs():
    return os.path.isdir("/run/systemd/system")


class CourseMixin(LoggingConfigurable):
    homes = Unicode("/home", config=True, help="The folder of the students' homes (jupyter-<name> each).")
    course = Unicode(config=True, help="The installed course (its node_modules is linked into each home).")
    edition = Unicode(config=True, help="The student edition's git repository (root-only).")

    @property
    def unix_name(self):
        return accounts.unix_name(self.user.name)

    async def prepare_student(self):
        """The account, its private home, the link to the course, and the edition synced as the student."""
        name = self.unix_name
        home = os.path.join(self.homes, name)
        user = await asyncio.to_thread(accounts.ensure_user, name, home)
        await asyncio.to_thread(accounts.ensure_private_home, name)
        accounts.ensure_link(name, os.path.join(user.pw_dir, "node_modules"), os.path.join(self.course, "node_modules"))
        if self.edition:
            await self.sync_edition(user)
        return user

    async def sync_edition(self, user):
        # The repository stays root-only: the student's sync reads a bundle of it, in a folder
        # they may enter but not list, removed afterwards. The edition itself is no secret.
        folder = tempfile.mkdtemp(prefix="concurrence-edition-")
        try:
            os.chmod(folder, 0o711)
            bundle = os.path.join(folder, "edition.bundle")
            made = await asyncio.create_subprocess_exec(
                "git", "-C", self.edition, "bundle", "create", bundle, "main",
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
            out, _ = await made.communicate()
            if made.returncode != 0:
                raise RuntimeError(f"git bundle of {self.edition} failed: {out.decode(errors='replace')}")
            os.chmod(bundle, 0o644)
            env = {"HOME": user.pw_dir, "USER": user.pw_name, "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
            sync = await asyncio.create_subprocess_exec(
                sys.executable, os.path.join(here, "sync_edition.py"), bundle, "main", os.path.join(user.pw_dir, "cours"),
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT, env=env,
                preexec_fn=set_user_setuid(user.pw_name), cwd="/")
            out, _ = await sync.communicate()
            if sync.returncode != 0:
                raise RuntimeError(f"syncing the course into {user.pw_dir} failed: {out.decode(errors='replace')}")
            self.log.info("course synced for %s: %s", user.pw_name, out.decode(errors="replace").strip().splitlines()[-1])
        finally:
            shutil.rmtree(folder, ignore_errors=True)


class ConcurrenceSpawner(CourseMixin, LocalProcessSpawner):
    cgroup_parent = Unicode("concurrence", config=True, help="The cgroup, below the hub's own, that holds the students' cgroups.")

    @property
    def cgroup_dirs(self):
        return cgroups.folders(os.path.join(self.cgroup_parent, self.unix_name))

    def make_preexec_fn(self, name):
        setuid = set_user_setuid(self.unix_name)
        dirs = self.cgroup_dirs

        def preexec():
            cgroups.enter(dirs)  # as root, before the student's uid: the server and its children stay inside
            setuid()

        return preexec

    def user_env(self, env):
        import pwd

        user = pwd.getpwnam(self.unix_name)
        env.update(USER=user.pw_name, HOME=user.pw_dir, SHELL=user.pw_shell or "/bin/bash")
        return env

    async def start(self):
        await self.prepare_student()
        cgroups.remove(self.cgroup_dirs)  # a server that died with the hub left its cgroup
        cgroups.create(os.path.join(self.cgroup_parent, self.unix_name), self.cpu_limit or os.cpu_count(), self.mem_limit)
        try:
            return await super().start()
        except Exception:
            cgroups.remove(self.cgroup_dirs)
            raise

    async def stop(self, now=False):
        try:
            await super().stop(now)
        finally:
            # The kernels and their workers end with the server; whatever is left is killed.
            await asyncio.to_thread(cgroups.remove, self.cgroup_dirs)


def systemd_spawner():
    from systemdspawner import SystemdSpawner

    class ConcurrenceSystemdSpawner(CourseMixin, SystemdSpawner):
        async def start(self):
            await self.prepare_student()
            return await super().start()

    return ConcurrenceSystemdSpawner
