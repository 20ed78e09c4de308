#!/usr/bin/env bash
# Generates a migration for both database providers (SQLite and PostgreSQL) from the current model.
# Usage: scripts/add-migration.sh AddSomething
# Migrations are generated, never hand-edited (ADR-002).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -eq 1 ] || { echo "usage: $0 MigrationName" >&2; exit 2; }
dotnet run --project "$ROOT/tools/ServeWell.MigrationTool" -- add "$1" "$ROOT/src/ServeWell.Web"
