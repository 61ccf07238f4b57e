// base64 → LZMA → a compiled WebAssembly.Module, without any network request. LZMA packs this wasm 19% smaller than
// gzip; `lzmaDecode` (below, our own, about 1 KB gzip: xtask/templates/lzma.js) unpacks it in one go into a buffer
// of the exact size, which `WebAssembly.compileStreaming` compiles (it takes any Response, not only fetched ones;
// measured as fast as `WebAssembly.compile` on the whole buffer, and the browser tests hold the start back, or take
// it away, through it). A damaged stream throws, and the loader's failure path reports it like any failed start.
// `Uint8Array.fromBase64` where the browser has it; otherwise `atob` and a copy loop.
{{LZMA}}
async function unpack(base64) {
  let packed;
  if (typeof Uint8Array.fromBase64 === "function") {
    packed = Uint8Array.fromBase64(base64);
  } else {
    const binary = atob(base64);
    packed = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) packed[i] = binary.charCodeAt(i);
  }
  const wasm = lzmaDecode(packed);
  return WebAssembly.compileStreaming(new Response(wasm, { headers: { "content-type": "application/wasm" } }));
}
