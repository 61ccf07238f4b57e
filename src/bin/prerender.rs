//! Build-time render of the first screen (title, privacy promise, progress, first question, Next) by the same Yew
//! components, with Yew's server renderer; `cargo xtask dist` runs it natively and puts the HTML where a browser
//! draws it at once (see `xtask/src/prerender.rs`). Writes, into the directory given as the only argument:
//! `{ja,en}.html` (with the offline-copy link), `{ja,en}.nolink.html` (without, for the offline file and the
//! frame).

use chrono::NaiveDate;
use giftcard_doctor::components::{App, AppProps};
use giftcard_doctor_core::Lang;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

/// Today (UTC) from the clock, without chrono's `clock` feature: the first question never depends on the day, but
/// the render must not pretend it is another one.
fn today() -> Option<NaiveDate> {
    let days = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs() / 86_400;
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_days(chrono::Days::new(days))
}

async fn render(lang: Lang, offline_href: Option<&'static str>) -> String {
    let props = AppProps {
        lang: Some(lang.tag().into()),
        today: today(),
        offline_href: offline_href.map(Into::into),
        persist: false,
        ..AppProps::default()
    };
    // Not hydratable: the wasm takes the screen over instead of hydrating it (why: ARCHITECTURE.md).
    yew::LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn main() -> std::io::Result<()> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/prerender".into()),
    );
    std::fs::create_dir_all(&out)?;
    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    for lang in [Lang::Ja, Lang::En] {
        let tag = lang.tag();
        let with_link = runtime.block_on(render(lang, Some("giftcard-doctor-offline.html")));
        let without = runtime.block_on(render(lang, None));
        std::fs::write(out.join(format!("{tag}.html")), with_link)?;
        std::fs::write(out.join(format!("{tag}.nolink.html")), without)?;
    }
    Ok(())
}
