// Isolated iframes: each <iframe data-giftcard-doctor-frame> takes the height its widget reports. The frame learns
  // this page's origin from a hello sent to the frame's own origin, and then sends its height to this origin only;
  // here a height counts only from the frame's window, from the frame's origin, and within sane bounds.
  const frames = () => [...document.querySelectorAll("iframe[data-giftcard-doctor-frame]")];
  const frameOrigin = (frame) => {
    try {
      return new URL(frame.src, location.href).origin;
    } catch {
      return null;
    }
  };
  const hello = (frame) => {
    const origin = frameOrigin(frame);
    // Addressed to the frame's origin: while the frame still shows another document, the browser drops it.
    if (origin && origin !== "null" && frame.contentWindow) {
      frame.contentWindow.postMessage({ type: "giftcard-doctor:hello" }, origin);
    }
  };
  window.addEventListener("message", (event) => {
    const data = event.data;
    if (!data || typeof data !== "object") return;
    const frame = frames().find((f) => f.contentWindow === event.source);
    if (!frame || event.origin !== frameOrigin(frame)) return;
    if (data.type === "giftcard-doctor:frame-ready") {
      hello(frame);
    } else if (data.type === "giftcard-doctor:height") {
      const height = data.height;
      if (Number.isInteger(height) && height > 0 && height <= MAX_FRAME_HEIGHT) frame.style.height = `${height}px`;
    }
  });
  for (const frame of frames()) {
    frame.addEventListener("load", () => hello(frame));
    hello(frame);
  }
