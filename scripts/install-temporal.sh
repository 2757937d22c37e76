#!/usr/bin/env bash
# Build the real `temporal` CLI (dev server + Web UI) from the Go module proxy, once per machine.
# The binary is cached under ~/.cache/filmstudio so fresh clones and CI reuse it.
set -euo pipefail

version="${TEMPORAL_CLI_VERSION:-v1.5.1}"
cache_dir="${FILMSTUDIO_CACHE:-$HOME/.cache/filmstudio}/temporal-cli-${version}"
binary="$cache_dir/temporal"

if [ -x "$binary" ] && "$binary" --version >/dev/null 2>&1; then
  echo "$binary"
  exit 0
fi

command -v go >/dev/null || { echo "install-temporal: the 'go' toolchain is needed to build the Temporal CLI" >&2; exit 1; }
mkdir -p "$cache_dir"
echo "install-temporal: building temporal CLI ${version} from the Go module proxy (once per machine)..." >&2
# v1.6.0+ replace ./cliext in go.mod, which `go install pkg@version` refuses; v1.5.1 installs directly.
GOBIN="$cache_dir" GOFLAGS="-buildvcs=false" CGO_ENABLED=0 \
  go install "github.com/temporalio/cli/cmd/temporal@${version}" >&2
"$binary" --version >&2
echo "$binary"
