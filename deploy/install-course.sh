#!/usr/bin/env bash
# Installs the course into a Jupyter environment: npm packages, the build, the kernelspec
# "TypeScript (concurrence)" system-wide into the environment's prefix, and the Python side
# (deploy/jupyterhub/requirements.txt). Idempotent: a second run checks stamps and returns.
# Run by `npm run hub` (on the project's .venv) and by deploy/kubernetes/Dockerfile.
#
#   deploy/install-course.sh [--jupyter PATH] [--prefix DIR]
#     --jupyter  the environment's `jupyter` command (default: the project's .venv, made if missing)
#     --prefix   where the kernelspec goes (default: that Python's sys.prefix)
set -euo pipefail
# Messages: French by default, English with CONCURRENCE_LANG=en.
say() { if [ "${CONCURRENCE_LANG:-}" = en ]; then echo "install-course: $2"; else echo "install-course : $1"; fi; }
fail() { say "$1" "$2" >&2; exit "${3:-1}"; }
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

jupyter="" prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jupyter) jupyter="$2"; shift 2 ;;
    --prefix) prefix="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) fail "option inconnue $1 (voir --help)" "unknown option $1 (see --help)" 2 ;;
  esac
done

command -v node >/dev/null || fail "il faut Node.js 20.18 ou plus récent (avec npm)" "Node.js 20.18+ is needed (with npm)"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=18)?0:1)' ||
  fail "Node.js $(node --version) est trop ancien : installez la version 20.18 ou plus récente" "Node.js $(node --version) is too old; install 20.18 or newer"

# 1. npm packages: a clean install on a fresh tree, an update when the lock file changed.
if [ ! -f node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
elif [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi

# 2. The build, when a source is newer than the last one.
stamp=dist/.install-course-build
if [ ! -f "$stamp" ] || [ -n "$(find src kernel scripts test bench package.json tsconfig.json -newer "$stamp" -print -quit)" ]; then
  npm run --silent build
  touch "$stamp"
fi

# 3. The Jupyter environment: the project's .venv unless one is named.
if [ -z "$jupyter" ]; then
  node dist/scripts/setup.js
  jupyter="$root/.venv/bin/jupyter"
fi
[ -x "$jupyter" ] || fail "pas de jupyter à $jupyter : donnez avec --jupyter le chemin du jupyter de l'environnement" "no jupyter at $jupyter: give the path of the environment's jupyter with --jupyter"
python="$(dirname "$jupyter")/python"
[ -x "$python" ] || python="$(dirname "$jupyter")/python3"
[ -z "$prefix" ] && prefix="$("$python" -c 'import sys; print(sys.prefix)')"

# 4. The Python side, once per version of its requirements.
pystamp="$prefix/share/concurrence/hub-requirements.sha256"
wanted="$(sha256sum deploy/jupyterhub/requirements.txt | cut -d' ' -f1)"
if [ "$(cat "$pystamp" 2>/dev/null)" != "$wanted" ]; then
  "$python" -m pip install --disable-pip-version-check -q -r deploy/jupyterhub/requirements.txt
  mkdir -p "$(dirname "$pystamp")"
  echo "$wanted" > "$pystamp"
fi

# 5. The kernelspec, system-wide in that prefix (every user of the environment sees it).
node dist/kernel/install.js --jupyter "$jupyter" --prefix "$prefix"
# 6. For a hub (run as root), students' servers run as their own accounts: they must be able to
# run the environment's Python and read the course, and never write it. A folder on the way that
# others cannot enter (a Python under /root, say) gets the right to be crossed (o+x), not listed.
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
  as_nobody() { (cd / && runuser -u nobody -- "$@"); }
  if ! as_nobody "$python" -c 'import jupyterhub' >/dev/null 2>&1 || ! as_nobody test -r "$root/dist/src/index.js"; then
    real="$(readlink -f "$python")"
    for target in "$real" "$root/dist/src/index.js"; do
      dir="$(dirname "$target")"
      while [ "$dir" != / ]; do
        if [ -d "$dir" ] && [ "$(( 0$(stat -c %a "$dir") & 1 ))" = 0 ]; then
          chmod o+x "$dir"
          say "$dir peut maintenant être traversé (o+x) par les comptes des étudiants" "$dir may now be crossed (o+x) by the students' accounts"
        fi
        dir="$(dirname "$dir")"
      done
    done
    as_nobody "$python" -c 'import jupyterhub' >/dev/null 2>&1 ||
      fail "les comptes des étudiants ne peuvent pas lancer $python : installez Python hors d'un dossier privé" "the students' accounts cannot run $python: install Python outside a private folder"
  fi
  # The kernelspec and the course are readable by all (an older install made the kernelspec 0700).
  chmod -R go+rX "$prefix/share/jupyter/kernels/concurrence"
  # Nothing of the course may be written by others (students load it in every kernel).
  find "$root/node_modules" "$root/dist" "$prefix" -perm -o+w ! -type l -exec chmod o-w {} + 2>/dev/null || true
fi

say "le cours est installé pour $jupyter (préfixe $prefix)" "the course is installed for $jupyter (prefix $prefix)"
