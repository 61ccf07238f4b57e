//! A stand-in for `console_error_panic_hook` 0.1.7, patched in by the workspace's `[patch.crates-io]`.
//!
//! Yew puts `console_error_panic_hook::hook` in place at the first render unless the app has set its own hook, so
//! the crate is linked into every Yew app. giftcard-doctor always sets its own first (`src/failure.rs` `install`,
//! before any render), and its release build aborts on a panic before any hook could run; the hook was dead code
//! that still pulled the panic message's formatting into the wasm (−279 B on the standalone page, gzip -9, `cargo
//! xtask sizes`). Logging the message would also go against `failure.rs`, which logs nothing a panic says.

use std::panic::PanicHookInfo;

/// Never called (see the crate's note); logs nothing. The only item of the real crate that Yew uses.
pub fn hook(_info: &PanicHookInfo<'_>) {}
