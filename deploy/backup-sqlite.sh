#!/bin/sh
# One dated backup of the SQLite database, then old ones removed:
#   deploy/backup-sqlite.sh DIRECTORY DAYS
# Run from the checkout (shinchoku-backup.service does). Another run on the
# same day replaces that day's copy. Copy DIRECTORY off this server as well:
# a backup on the same disk does not survive the disk.
set -eu
dir=${1:-data/backups}
keep_days=${2:-30}
mkdir -p "$dir"
node scripts/shinchoku.mjs backup "$dir/shinchoku-$(date +%F).db" --force
find "$dir" -maxdepth 1 -name 'shinchoku-*.db' -mtime +"$keep_days" -delete
