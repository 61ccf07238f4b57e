//! The allocator wrapper of the wasm build: the inner allocator (lol_alloc's free list), except that every block is
//! overwritten with zeros before it is freed or moved.
//!
//! Why: a pasted balance history and a typed gift code pass through many short-lived copies — the text read from the
//! field, folded text, row descriptions in the report, strings in Yew's virtual DOM for the rows on screen. The core
//! wipes the buffers it owns (`text::wipe`, `CodeCheck`'s `Drop`), but copies owned by Yew or by `format!` are freed
//! as they are, and a freed block keeps its bytes in `WebAssembly.Memory` until it is reused — readable by any script
//! of a host page. Zeroing at the allocator covers every copy at once, whoever made it. What is on screen stays in
//! memory while it is shown; once cleared, it is gone (`tests/e2e/privacy.test.mjs` scans the memory).
//!
//! Cost: one `memset` per free (measured in `cargo xtask bench`'s history-paste figure); no extra bytes per block.

use std::alloc::{GlobalAlloc, Layout};

/// An allocator that zeroes each block before it is given back to the inner one.
pub struct WipeOnFree<A>(pub A);

// SAFETY: every method forwards to the inner allocator with the same layout; the only addition is writing zeros into a block
// this allocator handed out, of exactly its layout's size, before that block is freed.
unsafe impl<A: GlobalAlloc> GlobalAlloc for WipeOnFree<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { self.0.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        unsafe { self.0.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe {
            wipe(ptr, layout.size());
            self.0.dealloc(ptr, layout);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // A reallocation may move the block and free the old one with its bytes: move it by hand instead, so the
        // old block is wiped like any other.
        unsafe {
            let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
                return std::ptr::null_mut();
            };
            let new = self.0.alloc(new_layout);
            if !new.is_null() {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                wipe(ptr, layout.size());
                self.0.dealloc(ptr, layout);
            }
            new
        }
    }
}

/// Writes zeros over `len` bytes at `ptr`; `black_box` keeps the compiler from treating the writes as dead stores
/// before the free.
unsafe fn wipe(ptr: *mut u8, len: usize) {
    unsafe { std::ptr::write_bytes(ptr, 0, len) };
    std::hint::black_box(ptr);
}
