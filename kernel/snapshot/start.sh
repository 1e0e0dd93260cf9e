#!/bin/sh
# The kernelspec's command (kernel/install.ts): sh start.sh NODE CONNECTION_FILE
# Starts the kernel from its V8 startup snapshot (entry.ts) when this very node binary built it
# (build.ts wrote its size and time beside it): another Node would refuse the snapshot and exit.
# Otherwise, or with CONCURRENCE_KERNEL_SNAPSHOT=0, the plain way. exec keeps the pid Jupyter signals.
node="$1"
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
blob="$root/dist/kernel/snapshot/kernel.blob"
if [ "$CONCURRENCE_KERNEL_SNAPSHOT" != "0" ] && [ -f "$blob" ] && [ "$(cat "$blob.node" 2>/dev/null)" = "$(stat -L -c '%s %Y' "$node" 2>/dev/null)" ]; then
  exec "$node" --snapshot-blob "$blob" "$@"
fi
exec "$node" "$root/dist/kernel/launch.js" "$@"
