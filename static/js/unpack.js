// base64 → LZMA → a compiled WebAssembly.Module, without any network request. LZMA packs this wasm 19% smaller than
// gzip; `lzmaDecode` (below, our own: crates/lzma-decoder compiled to a 3.7 KB wasm, carried here as a string of
// one character per byte, and its JS side lzma.js) unpacks it in one go into a buffer of the exact size, which
// `WebAssembly.compileStreaming` compiles (it takes any Response, not only fetched ones; measured as fast as
// `WebAssembly.compile` on the whole buffer, and the browser tests hold the start back, or take it away, through
// it). A damaged stream throws, and the loader's failure path reports it like any failed start.
{{LZMA}}
// The decoder's bytes as one character each, printable ASCII or a `\xNN` escape (`cargo xtask dist`,
// `js_byte_string`): gzip still finds the code's repeats, which base64 hides (598 B less on the standalone page).
const gcdLzmaDecoder = "{{LZMA_DECODER}}";
// `Uint8Array.fromBase64` where the browser has it; otherwise `atob` and a copy loop.
function fromBase64(base64) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
async function unpack(base64) {
  const wasm = await lzmaDecode(fromBase64(base64), Uint8Array.from(gcdLzmaDecoder, (c) => c.charCodeAt(0)));
  return WebAssembly.compileStreaming(new Response(wasm, { headers: { "content-type": "application/wasm" } }));
}
