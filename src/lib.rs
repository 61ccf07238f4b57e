//! The giftcard-doctor web app: Yew components over the pure core (`giftcard-doctor-core`), the mounting into
//! Shadow DOM roots, and the `window.GiftcardDoctor` JS API. `main.rs` only calls [`start`].

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: the wasm runs on one thread (no atomics, no workers).
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

pub mod api;
pub mod components;
pub mod i18n;
pub mod mount;
pub mod state;
pub mod storage;

/// The version shown in the footer and in `window.GiftcardDoctor.version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Installs the JS API, mounts a widget into every `[data-giftcard-doctor]` element, and fires
/// `giftcard-doctor:ready` on `window`.
pub fn start() {
    api::install();
    mount::mount_all();
    api::announce_ready();
}
