{
  // The embed: write the pre-rendered screen into each mount point before the wasm is loaded.
  const html = {{PRERENDER_HTML}};
  const css = {{WIDGET_CSS}};
  // The wasm's stylesheet too (it carries no copy of its own: src/mount.rs `sheet`), also for mount points this
  // block leaves alone (options given, a late element). The first copy of embed.js in the page, the one whose app
  // runs, keeps its own.
  if (!window[Symbol.for("giftcard-doctor:css")]) window[Symbol.for("giftcard-doctor:css")] = css;
  // Where embed.js is, without `import.meta` (a syntax error if the script is ever loaded as a classic script).
  const here =
    document.currentScript?.src ||
    [...document.scripts].map((s) => s.src).find((src) => /\/embed\.js([?#]|$)/.test(src)) ||
    location.href;
  const offline = new URL("giftcard-doctor-offline.html", here).href;
  let sheet = null;
  document.querySelectorAll("[data-giftcard-doctor], giftcard-doctor").forEach((el, instance) => {
    if (el.shadowRoot || el.gcdMounted || !gcdPre.wanted(el)) return;
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
