// base64 → xz → a compiled WebAssembly.Module, without any network request. xz packs this wasm 19% smaller than
// gzip; xz-decompress (below: xz-embedded compiled to a small wasm of its own, pinned by `cargo xtask`) unpacks it as
// a stream that `WebAssembly.compileStreaming` compiles as it arrives (it takes any Response, not only fetched ones).
// The library runs in a function of its own with `exports`, `module` and `define` shadowed, so a host page's module
// loader (RequireJS, a bundler's globals) never sees or captures it. `Uint8Array.fromBase64` where the browser has
// it; otherwise `atob` and a copy loop.
const xzDecompress = function (exports, module, define) {
{{XZ_DECOMPRESS}}
  return this["xz-decompress"];
}.call({});
async function unpack(base64) {
  let xz;
  if (typeof Uint8Array.fromBase64 === "function") {
    xz = Uint8Array.fromBase64(base64);
  } else {
    const binary = atob(base64);
    xz = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) xz[i] = binary.charCodeAt(i);
  }
  const stream = new xzDecompress.XzReadableStream(new Blob([xz]).stream());
  return WebAssembly.compileStreaming(new Response(stream, { headers: { "content-type": "application/wasm" } }));
}
