// base64 → gzip → a compiled WebAssembly.Module, without any network request: the gzip stream is inflated by the
// browser's DecompressionStream and compiled as it arrives (compileStreaming takes any Response, not only fetched
// ones). `Uint8Array.fromBase64` where the browser has it; otherwise `atob` and a copy loop.
async function inflate(base64) {
  let gz;
  if (typeof Uint8Array.fromBase64 === "function") {
    gz = Uint8Array.fromBase64(base64);
  } else {
    const binary = atob(base64);
    gz = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) gz[i] = binary.charCodeAt(i);
  }
  const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream("gzip"));
  return WebAssembly.compileStreaming(new Response(stream, { headers: { "content-type": "application/wasm" } }));
}
