// The pre-rendered first screen, before the wasm arrives (`cargo xtask dist` puts it in the pages and embed.js; see
// xtask/src/prerender.rs). It shows the screen in the widget's language (the same choice as src/i18n.rs `detect`),
// keeps a choice and a pressed Next for the wasm to apply when it takes over (src/mount.rs), and lets the language
// switch work already. Nothing here sends anything anywhere.
const gcdPre = {
  tag(text) {
    const primary = String(text || "").split(/[-_]/)[0].trim().toLowerCase();
    return primary === "ja" || primary === "en" ? primary : null;
  },
  browser() {
    for (const l of navigator.languages || [navigator.language]) {
      const lang = gcdPre.tag(l);
      if (lang) return lang;
    }
    return "ja";
  },
  // An option: `data-<name>`, else, on the custom element <giftcard-doctor>, `<name>` (as src/mount.rs reads it).
  opt(el, name) {
    return el.getAttribute(`data-${name}`) ?? (el.localName === "giftcard-doctor" ? el.getAttribute(name) : null);
  },
  lang(el) {
    const explicit = (gcdPre.opt(el, "lang") || "").trim();
    if (gcdPre.tag(explicit)) return gcdPre.tag(explicit);
    if (explicit === "auto") return gcdPre.browser();
    return gcdPre.tag(document.documentElement.getAttribute("lang")) || gcdPre.browser();
  },
  // The wasm will show the first question too: not when the answers come from the host, a shared link or this
  // tab's storage (then showing question 1 would flash a screen the person is not on).
  wanted(el) {
    for (const name of ["facts", "marketplace"]) {
      if ((gcdPre.opt(el, name) || "").trim()) return false;
    }
    if (location.hash.startsWith("#gcd?")) return false;
    try {
      for (let i = 0; i < sessionStorage.length; i++) {
        if ((sessionStorage.key(i) || "").startsWith("giftcard-doctor")) return false;
      }
    } catch {
      // Storage blocked: nothing can have been saved.
    }
    return true;
  },
  // Puts the screen for `lang` in the shadow root; radio names carry the widget's number, as the wasm's do.
  show(root, html, lang, instance) {
    const template = document.createElement("template");
    template.innerHTML = html[lang].replaceAll('"gcd-0-', `"gcd-${instance}-`);
    const fresh = template.content.firstElementChild;
    const old = root.querySelector("[data-gcd-prerender]");
    if (old) old.replaceWith(fresh);
    else root.append(fresh);
  },
  arm(el, root, html, instance, after) {
    const inside = (node) => node && node.closest && node.closest("[data-gcd-prerender]");
    root.addEventListener("change", (event) => {
      if (!inside(event.target) || event.target.type !== "radio") return;
      for (const label of root.querySelectorAll("[data-gcd-prerender] .gcd-choice")) {
        label.classList.toggle("gcd-choice-checked", label.contains(event.target));
      }
    });
    // Next before the wasm: the page must not navigate; the wasm applies the answer when it takes over.
    root.addEventListener("submit", (event) => {
      if (!inside(event.target)) return;
      event.preventDefault();
      if (event.target.querySelector("input:checked")) {
        event.target.setAttribute("data-gcd-submitted", "");
        event.target.setAttribute("aria-busy", "true");
      }
    });
    root.addEventListener("click", (event) => {
      const button = inside(event.target) && event.target.closest(".gcd-lang");
      const lang = button && gcdPre.tag(button.getAttribute("lang"));
      if (!lang) return;
      el.setAttribute("data-lang", lang);
      gcdPre.show(root, html, lang, instance);
      after(lang);
      root.querySelector("[data-gcd-prerender] .gcd-lang")?.focus();
    });
  },
};
