// base64 → LZMA → a compiled WebAssembly.Module, without any network request. LZMA packs this wasm 19% smaller than
// gzip; `lzmaDecode` (below, our own, about 1 KB gzip: xtask/templates/lzma.js) unpacks it in one go into a buffer
// of the exact size (about 10 ms for half a megabyte), which `WebAssembly.compile` then takes. A damaged stream
// throws, and the loader's failure path reports it like any failed start. `Uint8Array.fromBase64` where the
// browser has it; otherwise `atob` and a copy loop.
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
  return WebAssembly.compile(lzmaDecode(packed));
}
