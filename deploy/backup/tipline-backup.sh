#!/usr/bin/env bash
# Writes a verified online backup (tipline backup: better-sqlite3 backup API + integrity_check)
# named by UTC time, then keeps only the newest $KEEP. Safe while the server runs.
#   BACKUP_DIR  where backups go              (default /var/lib/tipline/backups)
#   KEEP        how many to keep              (default 14)
#   TIPLINE_BIN the tipline command           (default: bin/tipline.mjs beside this script)
#   TIPLINE_DATA_DIR is read by tipline itself (default ./data)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BACKUP_DIR="${BACKUP_DIR:-/var/lib/tipline/backups}"
KEEP="${KEEP:-14}"
TIPLINE_BIN="${TIPLINE_BIN:-$here/../../bin/tipline.mjs}"
case "$KEEP" in ''|*[!0-9]*|0) echo "tipline-backup: KEEP must be a positive whole number" >&2; exit 2 ;; esac

umask 077
mkdir -p "$BACKUP_DIR"
out="$BACKUP_DIR/tipline-$(date -u +%Y%m%dT%H%M%S.%NZ).db"
node "$TIPLINE_BIN" backup --out "$out"

# Rotation: names sort by time; delete all but the newest $KEEP.
mapfile -t old < <(find "$BACKUP_DIR" -maxdepth 1 -name 'tipline-*.db' -type f | sort | head -n "-$KEEP")
if [ "${#old[@]}" -gt 0 ]; then rm -f -- "${old[@]}"; fi
echo "tipline-backup: kept $(find "$BACKUP_DIR" -maxdepth 1 -name 'tipline-*.db' -type f | wc -l) backup(s) in $BACKUP_DIR"
