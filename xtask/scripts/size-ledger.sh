#!/usr/bin/env bash
# Re-measures docs/size.md's tricks that can be undone with a one-line change: each is undone alone on the current
# commit, then `cargo xtask dist` and `cargo xtask sizes` give the standalone page's gzip -9 size, printed beside the
# baseline. Every change is put back with `git checkout` after its build, so the tree must be clean to start.
# Took about 6 minutes on 2 cores with the release build cached (the allocator and panic-hook variants rebuild the
# wasm). A variant whose edit no longer applies (the code it edits has changed) says so instead of measuring.
set -uo pipefail
cd "$(dirname "$0")/../.."
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "size-ledger.sh: commit or stash your changes first (each variant is undone with git checkout)" >&2
  exit 2
fi
logs="$(mktemp -d)"
trap 'git checkout -q -- .' EXIT
measure() {
  local name=$1
  if [ "$name" != baseline ] && git diff --quiet; then
    printf '%-32s the edit did not apply: update this script\n' "$name"
    return
  fi
  if cargo xtask dist > "$logs/$name.log" 2>&1; then
    printf '%-32s %s\n' "$name" "$(cargo xtask sizes 2>/dev/null | grep -o 'standalone page, gzip: [0-9]* B')"
  else
    printf '%-32s build failed (%s)\n' "$name" "$logs/$name.log"
  fi
  git checkout -q -- .
}
alloc() { # replaces the global allocator's definition in src/lib.rs
  python3 - "$1" <<'PY'
import sys
p = 'src/lib.rs'; s = open(p).read()
i = s.index('static ALLOCATOR'); j = s.index(');\n', i) + 3
open(p, 'w').write(s[:i] + sys.argv[1] + '\n' + s[j:])
PY
}
echo "commit $(git rev-parse --short HEAD); build logs in $logs"
measure baseline
sed -i 's/ data-wasm-opt-params="[^"]*"//' index.html
measure no-wasm-opt-params
sed -i 's/let (wasm, glue_text) = crate::imports::shorten(&wasm, &glue_text)?;/let (wasm, glue_text) = (wasm, glue_text);/' xtask/src/dist.rs
measure no-short-names
sed -i 's/^pub fn js(code: &str) -> Result<String> {/pub fn js(code: \&str) -> Result<String> {\n    return Ok(code.to_owned());/' xtask/src/minify.rs
measure no-terser
sed -i 's/^const RELEASE_ENV_RUSTC: &str = "rustc 1.95.";/const RELEASE_ENV_RUSTC: \&str = "rustc 0.0.";/' xtask/src/tools.rs
measure no-build-std-flags
alloc 'static ALLOCATOR: wipe_alloc::WipeOnFree<std::alloc::System> = wipe_alloc::WipeOnFree(std::alloc::System);'
measure std-allocator
alloc 'static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> = unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };'
measure no-wipe-on-free
sed -i '/^\[patch.crates-io\]/,/^console_error_panic_hook/d' Cargo.toml
cargo fetch -q > "$logs/fetch.log" 2>&1
measure real-console-error-panic-hook
cargo xtask dist > "$logs/restored.log" 2>&1
