#!/usr/bin/env bash
# Build the Temporal server (`temporal-server`) and its SQL schema tool (`temporal-sql-tool`)
# from the Go module proxy, once per machine, for the production-layout rehearsal
# (Temporal persisted in PostgreSQL). Cached under ~/.cache/filmstudio like the CLI.
# `make setup` calls it; about twenty minutes the first time on two cores.
set -euo pipefail

version="${TEMPORAL_SERVER_VERSION:-v1.32.0}"  # v1.32.1+ need a newer Go than Debian's image has
cache_dir="${FILMSTUDIO_CACHE:-$HOME/.cache/filmstudio}/temporal-server-${version}"

if [ -x "$cache_dir/temporal-server" ] && [ -x "$cache_dir/temporal-sql-tool" ]; then
  echo "$cache_dir"
  exit 0
fi

command -v go >/dev/null || { echo "install-temporal-server: the 'go' toolchain is needed" >&2; exit 1; }
mkdir -p "$cache_dir"
echo "install-temporal-server: building Temporal server ${version} from the Go module proxy (once per machine, many minutes)..." >&2
export GOFLAGS="-buildvcs=false" CGO_ENABLED=0
# No replace directives in this module, so `go install pkg@version` builds it directly.
GOBIN="$cache_dir/bin" nice -n 10 go install "go.temporal.io/server/cmd/server@${version}"
mv "$cache_dir/bin/server" "$cache_dir/temporal-server"
GOBIN="$cache_dir/bin" nice -n 10 go install "go.temporal.io/server/cmd/tools/sql@${version}"
mv "$cache_dir/bin/sql" "$cache_dir/temporal-sql-tool"
rmdir "$cache_dir/bin" 2>/dev/null || true
echo "$cache_dir"
