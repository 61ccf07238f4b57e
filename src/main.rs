//! Entry point of the wasm binary: everything testable lives in the library.

fn main() {
    giftcard_doctor::start();
}
