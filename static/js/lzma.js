// The JS side of the LZMA decoder (the crate crates/lzma-decoder, compiled to a 3.7 KB wasm by `cargo xtask dist`):
// `lzmaDecode(packed, decoder)` instantiates the decoder's wasm (`decoder`, its bytes), copies the stream above its
// `__heap_base`, grows its memory to hold the output too, and returns the output as a view of that memory. A
// damaged stream throws "corrupt LZMA stream" (or, were the decoder wrong, its trap), which the loader's failure
// path reports like any failed start. The size in the header is checked here first (below 2^30, as the decoder and
// `dist.rs` agree), so a damaged header cannot ask for a huge memory.
async function lzmaDecode(packed, decoder) {
  if (packed.length < 18 || packed[8] > 63) throw new Error("corrupt LZMA stream");
  const size = packed[5] | (packed[6] << 8) | (packed[7] << 16) | (packed[8] << 24);
  const { memory, lzma_decode, __heap_base } = (await WebAssembly.instantiate(decoder)).instance.exports;
  const at = __heap_base.value;
  const grow = at + packed.length + size - memory.buffer.byteLength;
  if (grow > 0) memory.grow(Math.ceil(grow / 65536));
  new Uint8Array(memory.buffer, at, packed.length).set(packed);
  if (lzma_decode(at, packed.length, at + packed.length, size)) throw new Error("corrupt LZMA stream");
  return new Uint8Array(memory.buffer, at + packed.length, size);
}
