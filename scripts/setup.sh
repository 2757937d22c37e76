#!/usr/bin/env bash
# Everything Film Studio needs on a fresh Debian machine, idempotent and quick when done:
# ffmpeg/ffprobe/espeak-ng, fonts and PostgreSQL (the tests start their own server) from
# Debian, Python deps in .venv, the Temporal CLI, SeaweedFS (the tests' S3 server) and the
# Temporal server with its SQL tool (the rehearsal on PostgreSQL) built from the Go module
# proxy (cached under ~/.cache/filmstudio).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

need_apt=()
command -v ffmpeg >/dev/null || need_apt+=(ffmpeg)
command -v ffprobe >/dev/null || need_apt+=(ffmpeg)
command -v espeak-ng >/dev/null || need_apt+=(espeak-ng)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)
ls /usr/share/fonts/truetype/wqy/wqy-microhei.tt* >/dev/null 2>&1 || need_apt+=(fonts-wqy-microhei)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log "installing Debian packages: ${need_apt[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

python="${PYTHON:-python3}"
stamp=".venv/.filmstudio-installed"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -x .venv/bin/python ]; then
  log "creating .venv"
  "$python" -m venv .venv
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  log "installing Python dependencies into .venv"
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e ".[dev]"
  echo "$want" > "$stamp"
fi

temporal="$(bash scripts/install-temporal.sh)"
ln -sf "$temporal" .venv/bin/temporal
weed="$(bash scripts/install-seaweedfs.sh)"
ln -sf "$weed" .venv/bin/weed
bash scripts/install-temporal-server.sh >/dev/null  # the rehearsal's Temporal on PostgreSQL
log "ready: ffmpeg $(ffmpeg -version | head -1 | cut -d' ' -f3), espeak-ng, $(.venv/bin/temporal --version | head -1), SeaweedFS $(.venv/bin/weed version 2>/dev/null | head -1 | awk '{print $3}')"
