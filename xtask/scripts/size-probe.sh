#!/bin/bash
# Size probe for giftcard-doctor (run from the repository root, after `cargo xtask dist` installed the tools): the
# release wasm with the same unstable flags as `cargo xtask dist`, names kept for twiggy (o.wasm) and stripped for
# the real size (s.wasm), then gzip -9 and xz -9e of it (xz is within 0.3% of what ships, LZMA1 with lc 4).
# usage: TAG=name xtask/scripts/size-probe.sh   -> prints "TAG raw=… gzip=… xz=…"; files in /tmp/sz/TAG/
set -e
T=~/.cache/giftcard-doctor/tools
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target/sz}
export RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
export CARGO_PROFILE_RELEASE_STRIP=none CARGO_PROFILE_RELEASE_DEBUG=false
cargo build --quiet --release --target wasm32-unknown-unknown --bin giftcard-doctor -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
W=$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/giftcard-doctor.wasm
mkdir -p /tmp/sz/$TAG
$T/wasm-bindgen-0.2.130-quick/bin/wasm-bindgen --keep-debug --target web --out-dir /tmp/sz/$TAG $W
$T/binaryen-132.0.0/node_modules/.bin/wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int -o /tmp/sz/$TAG/o.wasm /tmp/sz/$TAG/giftcard-doctor_bg.wasm
$T/binaryen-132.0.0/node_modules/.bin/wasm-opt -Oz --strip-debug --enable-bulk-memory --enable-nontrapping-float-to-int -o /tmp/sz/$TAG/s.wasm /tmp/sz/$TAG/giftcard-doctor_bg.wasm
R=$(stat -c %s /tmp/sz/$TAG/s.wasm); G=$(gzip -9c /tmp/sz/$TAG/s.wasm | wc -c); X=$(xz -9e -c /tmp/sz/$TAG/s.wasm | wc -c)
echo "$TAG raw=$R gzip=$G xz=$X   (twiggy top -n 40 /tmp/sz/$TAG/o.wasm for names)"
