// The standalone page's installed form (dist/index.html only, at the start of its inline script; the embed, the
// frame and the offline file never carry this): registers the service worker (sw.js, from static/js/sw.js) when the page comes over http(s), the browser
// has service workers and the page does not say `<meta name="giftcard-doctor-install" content="off">`; anything else
// (file://, an old browser, storage refused) leaves the page as it always was, with no error. When a new build's
// worker is waiting, it offers a reload, in the page's language (ui.toml's update_ready and update_reload), and
// reloads only when the person asks; the answers are in sessionStorage, which a reload keeps.
{
  const texts = {{TEXTS}};
  // All of it in a try: this runs at the start of the page's one script, and nothing here may stop the app after it
  // (reading navigator.serviceWorker, for one, throws where storage is refused: a sandbox, blocked site data).
  try {
    const setting = document.querySelector('meta[name="giftcard-doctor-install"]')?.content.trim().toLowerCase();
    const workers = setting !== "off" && /^https?:$/.test(location.protocol) && navigator.serviceWorker;
    if (workers) {
      let asked = false;
      const offer = (registration) => {
        if (document.querySelector(".gcd-update")) return;
        const box = document.createElement("div");
        box.className = "gcd-update";
        box.setAttribute("role", "status");
        const text = document.createElement("span");
        const button = document.createElement("button");
        button.type = "button";
        const say = (lang) => {
          const t = texts[lang] ?? texts.ja;
          box.lang = texts[lang] ? lang : "ja";
          text.textContent = t.update_ready;
          button.textContent = t.update_reload;
        };
        say(document.documentElement.lang);
        // The widget's language switch (the page's own script sets <html lang> on the same event).
        window.addEventListener("giftcard-doctor:lang", (event) => say(event.detail));
        button.addEventListener("click", () => {
          asked = true;
          // The waiting worker takes over, then `controllerchange` reloads; if another tab already let it in, reload.
          if (registration.waiting) registration.waiting.postMessage("giftcard-doctor:activate");
          else location.reload();
        });
        box.append(text, " ", button);
        document.body.prepend(box);
      };
      workers.addEventListener("controllerchange", () => {
        if (asked) location.reload();
      });
      // After the page has loaded, so the worker's download of the page's files never slows its start.
      window.addEventListener("load", () =>
        workers.register("sw.js").then(
          (registration) => {
            // A waiting worker beside a controlling one is a new build; the very first worker is not an update.
            const check = () => {
              if (registration.waiting && workers.controller) offer(registration);
            };
            check();
            registration.addEventListener("updatefound", () =>
              registration.installing?.addEventListener("statechange", check),
            );
          },
          () => {},
        ),
      );
    }
  } catch {}
}
