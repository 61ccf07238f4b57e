//! The giftcard-doctor web app: Yew components over the pure core (`giftcard-doctor-core`), the mounting into
//! Shadow DOM roots, and the `window.GiftcardDoctor` JS API. `main.rs` only calls [`start`].

pub mod api;
pub mod components;
pub mod failure;
pub mod frame;
pub mod host;
pub mod i18n;
pub mod js;
pub mod mount;
pub mod page;
pub mod state;
pub mod storage;
#[cfg(target_arch = "wasm32")]
mod wipe_alloc;

/// lol_alloc's free-list allocator (smaller than dlmalloc in the wasm, measured in docs/size.md), wrapped so every
/// block is zeroed before it is freed (see `wipe_alloc`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: wipe_alloc::WipeOnFree<
    lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator>,
> =
    // SAFETY: the wasm runs on one thread (no atomics, no workers).
    wipe_alloc::WipeOnFree(unsafe {
        lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new())
    });

/// The version shown in the footer and in `window.GiftcardDoctor.version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Installs the failure message (trap listener and panic hook) and the JS API, mounts a widget into every `[data-giftcard-doctor]` element, and fires
/// `giftcard-doctor:ready` on `window`.
pub fn start() {
    failure::install();
    api::install();
    mount::mount_all();
    api::announce_ready();
}
