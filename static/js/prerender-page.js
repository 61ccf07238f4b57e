{
  // Our own pages: the declarative shadow root just parsed holds the screen in both languages; keep the one the
  // widget will use (no flash of the other: this runs before the browser paints), and make the page say it too.
  const el = document.currentScript.previousElementSibling;
  const root = el && el.shadowRoot;
  if (root) {
    const texts = {{PAGE_TEXTS}};
    const html = {};
    for (const wrapper of root.querySelectorAll("[data-gcd-prerender]")) {
      wrapper.removeAttribute("hidden");
      html[wrapper.getAttribute("data-gcd-prerender")] = wrapper.outerHTML;
      wrapper.remove();
    }
    const page = (lang) => {
      const text = texts[lang];
      document.documentElement.lang = lang;
      document.title = text.title;
      const h1 = document.querySelector(".gcd-page-title");
      if (h1) h1.textContent = text.h1;
      document.querySelector('meta[name="description"]')?.setAttribute("content", text.description);
    };
    // embed.js refused (a failed integrity check, a blocked file): nothing can finish this screen and embed.js's own
    // fallback (message and checklist, for a refused app script) never runs, so say so here instead of leaving a
    // question that goes nowhere. Only in the frame: the self-contained pages carry embed.js inline (the minifier
    // drops this branch from them).
    if ({{LOADS_EMBED}}) window.addEventListener(
      "error",
      (event) => {
        const script = event.target;
        if (!(script instanceof HTMLScriptElement) || !/(^|\/)embed\.js$/.test(script.src)) return;
        if (el.gcdMounted || el.querySelector(".gcd-fallback")) return;
        const lang = texts[document.documentElement.lang] ? document.documentElement.lang : "ja";
        root.replaceChildren(document.createElement("slot"));
        const box = document.createElement("p");
        box.className = "gcd-fallback";
        box.setAttribute("role", "alert");
        box.lang = lang;
        box.textContent = texts[lang].failed;
        el.replaceChildren(box);
      },
      true,
    );
    // After the wasm took over, its language switch tells the page (src/mount.rs `follow_page_lang`).
    window.addEventListener("giftcard-doctor:lang", (event) => {
      if (texts[event.detail]) page(event.detail);
    });
    if (gcdPre.wanted(el)) {
      const lang = gcdPre.lang(el);
      gcdPre.show(root, html, lang, 0);
      page(lang);
      gcdPre.arm(el, root, html, 0, page);
    } else {
      // An empty pre-render: the wasm still knows this shadow root is its own to fill.
      const empty = document.createElement("div");
      empty.className = "gcd-host";
      empty.setAttribute("data-gcd-prerender", "");
      root.append(empty);
    }
  }
}
