//! The giftcard-doctor web app: Yew components over the pure core (`giftcard-doctor-core`), the mounting into
//! Shadow DOM roots, and the `window.GiftcardDoctor` JS API. `main.rs` only calls [`start`].

pub mod api;
pub mod components;
pub mod failure;
pub mod i18n;
pub mod mount;
pub mod state;
pub mod storage;
#[cfg(target_arch = "wasm32")]
mod wipe_alloc;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOC: wipe_alloc::WipeOnFree = wipe_alloc::WipeOnFree;

/// The version shown in the footer and in `window.GiftcardDoctor.version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Installs the panic hook and the JS API, mounts a widget into every `[data-giftcard-doctor]` element, and fires
/// `giftcard-doctor:ready` on `window`.
pub fn start() {
    failure::install();
    api::install();
    mount::mount_all();
    api::announce_ready();
}
