"""One Unix account per student, as The Littlest JupyterHub does (its user.py): the hub's
name `alice` runs as `jupyter-alice`, made on first login with useradd, its home private.

Each function is an idempotent "ensure": calling it again changes nothing.
"""
import hashlib
import os
import pwd
import re
import subprocess

PREFIX = "jupyter-"
MAX_NAME = 32  # useradd's limit on Linux


def unix_name(hub_name):
    """`jupyter-<name>`, lowercased; a name too long for useradd is cut and given a hash."""
    name = PREFIX + re.sub(r"[^a-z0-9_.-]", "-", hub_name.lower())
    if len(name) > MAX_NAME:
        digest = hashlib.sha256(name.encode()).hexdigest()[:5]
        name = f"{name[:MAX_NAME - 6]}-{digest}"
    return name


def ensure_user(name, home):
    """The account `name` with its home `home` (made if missing); nothing if it exists."""
    try:
        return pwd.getpwnam(name)
    except KeyError:
        pass
    os.makedirs(os.path.dirname(home), exist_ok=True)
    subprocess.run(
        ["useradd", "--create-home", "--home-dir", home, "--shell", "/bin/bash", "--user-group", name],
        check=True, capture_output=True,
    )
    return pwd.getpwnam(name)


def ensure_private_home(name):
    """The home belongs to the student, and no one else may read, list or enter it (0700)."""
    user = pwd.getpwnam(name)
    os.chown(user.pw_dir, user.pw_uid, user.pw_gid)
    os.chmod(user.pw_dir, 0o700)
    return user.pw_dir


def ensure_link(name, link, target):
    """A symbolic link `link` -> `target`, owned by the student (e.g. ~/node_modules to the
    installed course, so that notebooks in ~/cours import "concurrence")."""
    user = pwd.getpwnam(name)
    if os.path.islink(link) and os.readlink(link) == target:
        return
    if os.path.lexists(link):
        return  # something of the student's own: theirs to keep
    os.symlink(target, link)
    os.lchown(link, user.pw_uid, user.pw_gid)


def remove_user(name):
    """Removes the account, its group and its home (the tests' clean-up; never the hub's)."""
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    subprocess.run(["userdel", "--remove", "--force", name], check=False, capture_output=True)
    return True
