{
  // The embed: write the pre-rendered screen into each mount point before the wasm is loaded.
  const html = {{PRERENDER_HTML}};
  const css = {{WIDGET_CSS}};
  const offline = new URL("giftcard-doctor-offline.html", import.meta.url).href;
  let sheet = null;
  document.querySelectorAll("[data-giftcard-doctor]").forEach((el, instance) => {
    if (el.shadowRoot || el.hasAttribute("data-giftcard-doctor-mounted") || !gcdPre.wanted(el)) return;
    const root = el.attachShadow({ mode: "open" });
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
      }
      root.adoptedStyleSheets = [sheet];
    } catch {
      // No constructable stylesheets: the wasm styles the widget when it takes over.
    }
    const link = () => {
      const a = root.querySelector("[data-gcd-prerender] a[download]");
      if (a) a.href = el.getAttribute("data-offline-href") || offline;
    };
    gcdPre.show(root, html, gcdPre.lang(el), instance);
    link();
    gcdPre.arm(el, root, html, instance, link);
  });
}
