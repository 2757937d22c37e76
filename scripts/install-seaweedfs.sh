#!/usr/bin/env bash
# Build SeaweedFS (`weed`, an S3-compatible object store) from the Go module proxy, once per
# machine. The tests start it as a real S3 server; the binary is cached under
# ~/.cache/filmstudio so fresh clones and CI reuse it.
# `go install` refuses the module for its replace directives, so this downloads the module
# (`go mod download -json`) and runs `go build ./weed` inside the downloaded source tree.
set -euo pipefail

version="${SEAWEEDFS_VERSION:-v0.0.0-20261109003541-7506e5f91cd6}"
cache_dir="${FILMSTUDIO_CACHE:-$HOME/.cache/filmstudio}/seaweedfs-${version}"
binary="$cache_dir/weed"

if [ -x "$binary" ] && "$binary" version >/dev/null 2>&1; then
  echo "$binary"
  exit 0
fi

command -v go >/dev/null || { echo "install-seaweedfs: the 'go' toolchain is needed to build SeaweedFS" >&2; exit 1; }
mkdir -p "$cache_dir"
echo "install-seaweedfs: building SeaweedFS ${version} from the Go module proxy (once per machine, several minutes)..." >&2
module_dir="$(cd "$cache_dir" && go mod download -json "github.com/seaweedfs/seaweedfs@${version}" \
  | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[ -d "$module_dir" ] || { echo "install-seaweedfs: go mod download gave no module directory" >&2; exit 1; }
# Nice the compiler: the build is long and the machine may be shared.
(cd "$module_dir" && GOFLAGS="-buildvcs=false" CGO_ENABLED=0 \
  nice -n 10 go build -o "$binary.partial" ./weed) >&2
mv "$binary.partial" "$binary"
"$binary" version >&2
echo "$binary"
