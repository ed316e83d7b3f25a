#!/usr/bin/env bash
# Restores a backup into the data directory. STOP THE SERVER FIRST (systemctl stop tipline).
# The current database, with its -wal and -shm files, is moved aside, never deleted.
#   usage: tipline-restore.sh BACKUP_FILE [DATA_DIR]   (DATA_DIR defaults to $TIPLINE_DATA_DIR or /var/lib/tipline)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
backup="${1:?usage: tipline-restore.sh BACKUP_FILE [DATA_DIR]}"
data="${2:-${TIPLINE_DATA_DIR:-/var/lib/tipline}}"
TIPLINE_BIN="${TIPLINE_BIN:-$here/../../bin/tipline.mjs}"
[ -f "$backup" ] || { echo "tipline-restore: no such backup: $backup" >&2; exit 2; }

umask 077
mkdir -p "$data"
chmod 700 "$data"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
for suffix in "" -wal -shm; do
  if [ -e "$data/tipline.db$suffix" ]; then mv -- "$data/tipline.db$suffix" "$data/tipline.db$suffix.before-restore-$stamp"; fi
done
cp -- "$backup" "$data/tipline.db"
chmod 600 "$data/tipline.db"

# Opening it runs migrations and refuses a database from a newer tipline; list proves it opens.
TIPLINE_DATA_DIR="$data" node "$TIPLINE_BIN" reviewer list >/dev/null
echo "tipline-restore: restored $backup into $data. Start the server, then check with: tipline export"
