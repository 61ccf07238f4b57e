#!/usr/bin/env bash
# Times a newcomer's first run, as near to a fresh machine as one machine gets: a clean clone of HEAD, an empty
# CARGO_HOME (no index, no crates), an empty tool cache (Trunk and wasm-bindgen-cli compiled again, binaryen and
# terser installed again), an empty npm cache, and a rustup home holding a copy of the stable toolchain without the
# wasm32 target and rust-src, as rustup installs it. Debian's packages (Chromium, Node) stay as they are.
# Prints the seconds from `cargo xtask serve` to the page served, then those of `cargo xtask test`. Takes about
# 17 minutes on 2 cores and needs about 2 GB in $TMPDIR. Run it on an idle machine: other builds slow it. The two
# logs are kept in a folder it names; the rest is removed.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
logs="$(mktemp -d)"
serve_pid=""
cleanup() {
  # `cargo xtask serve` runs Trunk as a child: the whole process group goes, so no Trunk keeps watching the clone.
  if [ -n "$serve_pid" ]; then kill -- "-$serve_pid" 2>/dev/null || true; fi
  cp "$work"/*.log "$logs"/ 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
real_rustup="${RUSTUP_HOME:-$HOME/.rustup}"
mkdir -p "$work/rustup/toolchains"
cp -a "$real_rustup/settings.toml" "$work/rustup/"
cp -a "$real_rustup/toolchains/stable-x86_64-unknown-linux-gnu" "$work/rustup/toolchains/"
export RUSTUP_HOME="$work/rustup" CARGO_HOME="$work/cargo" XDG_CACHE_HOME="$work/cache" npm_config_cache="$work/npm"
rustup target remove wasm32-unknown-unknown >/dev/null 2>&1 || true
rustup component remove rust-src >/dev/null 2>&1 || true
if rustup component list --installed | grep -qE '^(rust-src|rust-std-wasm32-unknown-unknown)$'; then
  echo "the rustup copy still has rust-src or the wasm32 target: not a fresh start" >&2
  exit 1
fi
git clone -q "$repo" "$work/clone"
cd "$work/clone"
echo "commit $(git rev-parse --short HEAD); logs kept in $logs"
start=$(date +%s)
setsid cargo xtask serve --port 8091 > "$work/serve.log" 2>&1 &
serve_pid=$!
until curl -sf http://127.0.0.1:8091/ -o /dev/null; do
  sleep 2
  kill -0 "$serve_pid" 2>/dev/null || { tail -20 "$work/serve.log"; echo "serve stopped after $(( $(date +%s) - start )) s"; exit 1; }
done
echo "cargo xtask serve: page served after $(( $(date +%s) - start )) s"
grep '^==> .* in [0-9]* s$' "$work/serve.log" || true
kill -- "-$serve_pid"
wait "$serve_pid" 2>/dev/null || true
serve_pid=""
if pgrep -f "trunk serve --offline --address 127.0.0.1 --port 8091" >/dev/null; then
  echo "Trunk is still serving: stop it before timing the test" >&2
  exit 1
fi
start=$(date +%s)
status=0
cargo xtask test > "$work/test.log" 2>&1 || status=$?
echo "cargo xtask test: exit $status after $(( $(date +%s) - start )) s"
sed -n '/^Summary/,$p' "$work/test.log"
exit "$status"
