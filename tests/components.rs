//! Component tests in headless Chromium (wasm-bindgen-test): mount the app, answer, go back, read the result.
//! They wait for Yew's renderer with `yew::scheduler::flush()`, never with a timer.
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use giftcard_doctor::components::{App, AppProps};
use giftcard_doctor_core::content::Fact;
use giftcard_doctor_core::facts::{Facts, Tri};
use giftcard_doctor_core::{content, Lang, UiKey};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// Types `date` into the card form's date field and presses its add button (whatever code was typed before).
async fn add_card_issued(root: &Element, date: &str) {
    let field = root
        .query_selector(".gcd-cards input[type=date]")
        .unwrap()
        .unwrap();
    input(&field, date);
    yew::scheduler::flush().await;
    click(root, ".gcd-card-form button[type=submit]").await;
}

/// Mounts the app into a fresh element and waits for the first render.
async fn mount(instance: u32, lang: &str, start: Option<Facts>) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = AppProps {
        instance,
        lang: Some(lang.to_owned().into()),
        start,
        today: Some(today()),
        offline_href: None,
        embedded: false,
        persist: false,
        takeover: None,
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

/// The element matching `selector`, as the type a test needs; panics (failing the test) when there is none.
fn find<T: JsCast>(root: &Element, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .dyn_into()
        .unwrap_or_else(|_| panic!("{selector} is not the expected element type"))
}

/// Clicks the button of `scope` whose text is `label`, and waits for the render.
async fn click_button(root: &Element, scope: &str, label: &str) {
    let button: HtmlElement = all(root, &format!("{scope} button"))
        .into_iter()
        .find(|b| b.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no \"{label}\" button in {scope}"))
        .dyn_into()
        .unwrap();
    button.click();
    yew::scheduler::flush().await;
}

/// Clicks the element matching `selector` and waits for the render.
async fn click(root: &Element, selector: &str) {
    find::<HtmlElement>(root, selector).click();
    yew::scheduler::flush().await;
}

/// The `lang` the widget sets on its own root.
fn widget_lang(root: &Element) -> Option<String> {
    find::<Element>(root, ".gcd").get_attribute("lang")
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

async fn choose(root: &Element, value: &str) {
    let radio: HtmlInputElement = find(root, &format!("input[type=radio][value='{value}']"));
    radio.click();
    yew::scheduler::flush().await;
    click(root, "button[type=submit]").await;
}

#[wasm_bindgen_test]
async fn first_screen_asks_the_first_question() {
    let root = mount(101, "en", None).await;
    assert_eq!(
        text(&root, "legend"),
        "Which Amazon site is the balance on?"
    );
    let radios = all(&root, "fieldset input[type=radio]");
    assert_eq!(radios.len(), 10, "nine marketplaces and \"I don't know\"");
    assert_eq!(widget_lang(&root).as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn japanese_is_rendered_in_japanese() {
    let root = mount(102, "ja", None).await;
    assert_eq!(text(&root, "legend"), "どの国のAmazonの残高ですか？");
    assert_eq!(widget_lang(&root).as_deref(), Some("ja"));
}

#[wasm_bindgen_test]
async fn answering_moves_on_and_back_keeps_the_answer() {
    let root = mount(103, "en", None).await;
    choose(&root, "jp").await;
    assert_eq!(text(&root, "legend"), "How much of the balance is missing?");
    click_button(&root, ".gcd", "Back").await;
    assert_eq!(
        text(&root, "legend"),
        "Which Amazon site is the balance on?"
    );
    let jp: HtmlInputElement = find(&root, "input[value='jp']");
    assert!(jp.checked(), "the earlier answer is kept");
}

#[wasm_bindgen_test]
async fn submitting_without_a_choice_says_so_and_stays() {
    let root = mount(104, "en", None).await;
    click(&root, "button[type=submit]").await;
    assert_eq!(
        text(&root, "legend"),
        "Which Amazon site is the balance on?"
    );
    assert!(!text(&root, "[role=alert]").is_empty());
}

#[wasm_bindgen_test]
async fn a_decisive_answer_shows_the_result_in_rank_order() {
    let mut facts = Facts::default();
    facts.marketplace = giftcard_doctor_core::facts::Marketplace::from_id("jp");
    facts.set_tri(Fact::InvalidationEmail, Some(Tri::Yes));
    // Decisive only with no sign of phishing or a takeover (a notice may be a fake, issue 19).
    for sign in [
        Fact::CodeShared,
        Fact::PhoneLostOrPhished,
        Fact::UnfamiliarActivity,
        Fact::CannotSignIn,
    ] {
        facts.set_tri(sign, Some(Tri::No));
    }
    let root = mount(105, "en", Some(facts)).await;
    let causes: Vec<String> = all(&root, "ol.gcd-causes > li[data-cause]")
        .iter()
        .filter_map(|li| li.get_attribute("data-cause"))
        .collect();
    assert_eq!(causes.first().map(String::as_str), Some("invalidated"));
    assert!(causes.len() >= 5, "{causes:?}");
    assert_eq!(
        all(&root, "li[data-cause='invalidated'][data-band='high']").len(),
        1
    );
}

#[wasm_bindgen_test]
async fn walking_to_the_result_ranks_an_expired_card_first() {
    let root = mount(106, "en", None).await;
    choose(&root, "jp").await;
    choose(&root, "all").await;
    // "No" to every yes / no question before the date (a code given away, the notices, the takeover signs).
    for _ in 0..12 {
        if root.query_selector("input[type=text]").unwrap().is_some() {
            break;
        }
        choose(&root, "no").await;
    }
    // The card's date, typed, and checked (the sureness starts unchosen).
    let typed: HtmlInputElement = find(&root, "input[type=text]");
    typed.set_value("2016/05/01");
    typed
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    find::<HtmlInputElement>(&root, "input[type=radio][value=exact]").click();
    yew::scheduler::flush().await;
    click(&root, "button[type=submit]").await;
    // Before it stops on the expiry, the wizard asks when the balance was last seen: "I don't know".
    assert_eq!(
        text(&root, "legend"),
        content()
            .question("last_seen_intact")
            .unwrap()
            .text
            .get(Lang::En)
    );
    click_button(
        &root,
        ".gcd-question",
        content().ui(UiKey::DontKnow, Lang::En),
    )
    .await;
    // Issued before 2017-04-24, the card lasted at most 3 years whatever its type, so the type is not asked: it
    // expired by 2019-05-01 at the latest, which settles the diagnosis.
    let first = root
        .query_selector("ol.gcd-causes > li[data-cause]")
        .unwrap()
        .expect("the result is shown");
    assert_eq!(
        first.get_attribute("data-cause").as_deref(),
        Some("expired")
    );
    assert!(first
        .text_content()
        .unwrap_or_default()
        .contains("1 May 2019"));
}

fn result_facts() -> Facts {
    let mut facts = Facts::default();
    facts.marketplace = giftcard_doctor_core::facts::Marketplace::from_id("jp");
    facts.loss = Some(giftcard_doctor_core::facts::Loss::Partial);
    facts.set_tri(Fact::InvalidationEmail, Some(Tri::No));
    facts.set_tri(Fact::AccountSuspendedNotice, Some(Tri::No));
    facts.set_tri(Fact::AlreadyRegisteredMessage, Some(Tri::No));
    facts.skipped.push("card_issued".into());
    for fact in Fact::ALL.iter().copied().filter(|f| f.is_tri()) {
        if facts.tri(fact).is_none() {
            facts.set_tri(fact, Some(Tri::Unsure));
        }
    }
    facts
}

fn causes(root: &Element) -> Vec<String> {
    all(root, "ol.gcd-causes > li[data-cause]")
        .iter()
        .filter_map(|li| li.get_attribute("data-cause"))
        .collect()
}

fn input(el: &Element, value: &str) {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.set_value(value);
    } else if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.set_value(value);
    }
    el.dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_card_keeps_only_its_last_four_characters() {
    let root = mount(107, "en", Some(result_facts())).await;
    assert!(!causes(&root).is_empty(), "the result is shown");
    let code = root
        .query_selector(".gcd-cards input.gcd-code")
        .unwrap()
        .expect("a code field");
    input(&code, "abcd-ef12 34-gh56");
    yew::scheduler::flush().await;
    assert!(
        text(&root, ".gcd-cards").contains("xxxx-xxxxxx-GH56"),
        "the masked form is previewed"
    );
    add_card_issued(&root, "2015-03-01").await;
    let html = root.inner_html();
    assert!(
        html.contains("xxxx-xxxxxx-GH56"),
        "the card is listed masked"
    );
    let upper = html.to_uppercase();
    assert!(
        !upper.contains("ABCD") && !upper.contains("EF1234") && !upper.contains("EF12"),
        "no part but the last four"
    );
    let code: HtmlInputElement = find(&root, ".gcd-cards input.gcd-code");
    assert_eq!(code.value(), "", "the field is cleared");
    // The card issued 2015 expired long ago (any type lasted at most 3 years): it now leads the ranking.
    assert_eq!(causes(&root).first().map(String::as_str), Some("expired"));
}

#[wasm_bindgen_test]
async fn a_pasted_history_with_amazon_pay_raises_that_cause() {
    let root = mount(108, "ja", Some(result_facts())).await;
    let before = causes(&root)
        .iter()
        .position(|c| c == "amazon_pay")
        .expect("amazon_pay is ranked");
    let area = root
        .query_selector(".gcd-history textarea")
        .unwrap()
        .expect("a paste area");
    input(
        &area,
        include_str!("../crates/core/tests/fixtures/history/ja-tabs.txt"),
    );
    yew::scheduler::flush().await;
    click_button(&root, ".gcd-history", "読み取る").await;
    let after = causes(&root)
        .iter()
        .position(|c| c == "amazon_pay")
        .unwrap();
    assert!(after < before, "amazon_pay moved from {before} to {after}");
    assert!(text(&root, "li[data-cause='amazon_pay']").contains("¥1,500"));
    assert!(
        text(&root, ".gcd-history-report").contains("¥12,607"),
        "the unexplained change is reported"
    );
}

/// Adds a Japanese e-mail card issued (or guessed) on 2017-05-01 through the card form; returns the card list's text.
async fn add_card_of_2017(approximate: bool, instance: u32) -> String {
    let root = mount(instance, "en", Some(result_facts())).await;
    let date = root
        .query_selector(".gcd-cards input[type=date]")
        .unwrap()
        .expect("a date field");
    input(&date, "2017-05-01");
    yew::scheduler::flush().await;
    if approximate {
        click(
            &root,
            ".gcd-card-form .gcd-field-check input[type=checkbox]",
        )
        .await;
    }
    click(&root, ".gcd-card-form button[type=submit]").await;
    text(&root, ".gcd-cards")
}

#[wasm_bindgen_test]
async fn a_guessed_date_in_the_card_form_only_says_the_card_may_have_expired() {
    // A pre-2017-04-24 card would have lasted a year, a later one ten: 2017-05-01 read exactly is valid until 2027,
    // but a guess that close to the cut-over may be either.
    let exact = add_card_of_2017(false, 109).await;
    assert!(
        !exact.to_lowercase().contains("may have expired"),
        "{exact}"
    );
    let guessed = add_card_of_2017(true, 110).await;
    assert!(
        guessed.to_lowercase().contains("may have expired"),
        "{guessed}"
    );
}

/// The trap listener's test of "is this our script": a real stack taken in this browser names the test's own script
/// (http), and the stack shapes of Chromium and Firefox/Safari give the URL without `:line:col`.
#[wasm_bindgen_test]
fn own_script_url_reads_real_and_written_stacks() {
    use giftcard_doctor::failure::own_script_url;
    let here = js_sys::Error::new("");
    let stack = js_sys::Reflect::get(&here, &"stack".into())
        .unwrap()
        .as_string()
        .unwrap();
    let own = own_script_url(&stack).expect("a real stack names a script");
    assert!(own.starts_with("http://"), "{own}");
    assert!(!own.ends_with(|c: char| c.is_ascii_digit()), "{own}");
    let chromium = "RuntimeError: unreachable\n    at wasm://wasm/0012:wasm-function[9]:0x1\n    at real (https://cdn.example/gcd/giftcard-doctor-app.js:2:345)";
    let inline = "Error\n    at file:///home/me/giftcard-doctor-offline.html:7:12";
    let firefox = "start@http://127.0.0.1:8080/index.html:3:10\n";
    for (written, script) in [
        (
            chromium,
            Some("https://cdn.example/gcd/giftcard-doctor-app.js"),
        ),
        (inline, Some("file:///home/me/giftcard-doctor-offline.html")),
        (firefox, Some("http://127.0.0.1:8080/index.html")),
        ("Error\n    at <anonymous>:1:1", None),
    ] {
        assert_eq!(own_script_url(written).as_deref(), script, "{written}");
    }
    // The wasm module: this test's own stack starts in its wasm; written stacks give the module's id and no more.
    use giftcard_doctor::failure::own_wasm_module;
    let module = own_wasm_module(&stack).expect("a stack taken in the wasm names its module");
    assert!(module.ends_with(".wasm:wasm-function["), "{module}");
    for (written, module) in [
        (chromium, Some("wasm://wasm/0012:wasm-function[")),
        (
            "at gcd::f (wasm://wasm/9a8b7c6d:wasm-function[3]:0x2)",
            Some("wasm://wasm/9a8b7c6d:wasm-function["),
        ),
        (inline, None),
    ] {
        assert_eq!(own_wasm_module(written).as_deref(), module, "{written}");
    }
}

/// The ticked items stay what a sorted set kept (the stored state lists them in this order): toggling twice unticks,
/// and a stored list with repeats and in any order reads back sorted and without them.
#[wasm_bindgen_test]
fn ticks_keep_a_sorted_set_of_keys() {
    use giftcard_doctor::state::Ticks;
    use std::collections::BTreeSet;
    let keys = [
        "b:c1", "a:c0", "b:c0", "a:c0", "c:a2", "b:c1", "a:a1", "b:c1",
    ];
    let mut ticks = Ticks::default();
    let mut set = BTreeSet::new();
    for key in keys {
        ticks.toggle(key.to_owned());
        if !set.remove(key) {
            set.insert(key.to_owned());
        }
        assert_eq!(
            ticks.iter().collect::<Vec<_>>(),
            set.iter().collect::<Vec<_>>()
        );
        assert_eq!(ticks.contains(key), set.contains(key));
    }
    let read: Ticks = keys.iter().map(|k| k.to_string()).collect();
    let expected: BTreeSet<String> = keys.iter().map(|k| k.to_string()).collect();
    assert_eq!(
        read.iter().collect::<Vec<_>>(),
        expected.iter().collect::<Vec<_>>()
    );
}

/// The classes set without Yew's `Classes` (`components::markup`) are the class lists `classes!` made: the choice
/// labels, a cause's band and recovery, a ticked checklist item, a card's expiry state and the timeline's marks.
#[wasm_bindgen_test]
async fn classes_worked_out_at_run_time_are_the_lists_classes_made() {
    let class = |el: &Element| el.get_attribute("class").unwrap_or_default();
    let root = mount(111, "en", None).await;
    find::<HtmlInputElement>(&root, "input[type=radio][value='jp']").click();
    yew::scheduler::flush().await;
    let labels: Vec<String> = all(&root, "label.gcd-choice").iter().map(&class).collect();
    assert_eq!(labels.len(), 10);
    let jp: Element = find::<Element>(&root, "input[value='jp']")
        .parent_element()
        .unwrap();
    assert_eq!(class(&jp), "gcd-choice gcd-choice-checked");
    assert_eq!(
        labels.iter().filter(|c| *c == "gcd-choice").count(),
        9,
        "{labels:?}"
    );

    let root = mount(112, "en", Some(result_facts())).await;
    let first: Element = find(&root, "ol.gcd-causes > li[data-cause]");
    let band = first.get_attribute("data-band").unwrap();
    assert_eq!(
        class(&find(&first, ".gcd-band")),
        format!("gcd-band gcd-band-{band}")
    );
    let recovery = class(&find(&first, ".gcd-recovery"));
    assert!(
        ["yes", "maybe", "no"]
            .map(|r| format!("gcd-recovery gcd-recovery-{r}"))
            .contains(&recovery),
        "{recovery}"
    );
    click(&first, ".gcd-checklist input[type=checkbox]").await;
    let items: Vec<String> = all(&first, ".gcd-checklist li")
        .iter()
        .map(&class)
        .collect();
    assert_eq!(
        items.first().map(String::as_str),
        Some("gcd-check gcd-check-done")
    );
    assert!(items[1..].iter().all(|c| c == "gcd-check"), "{items:?}");

    // A card of 2015, long expired: its state and the cards' timeline.
    add_card_issued(&root, "2015-03-01").await;
    assert_eq!(
        all(&root, ".gcd-card-item span[class='gcd-expired']").len(),
        1
    );
    let marks: Vec<String> = all(&root, ".gcd-tl-mark").iter().map(&class).collect();
    assert!(
        marks.contains(&"gcd-tl-mark gcd-tl-added".to_owned()),
        "{marks:?}"
    );
    assert!(
        marks.contains(&"gcd-tl-mark gcd-tl-expired".to_owned()),
        "{marks:?}"
    );
    assert!(
        marks.contains(&"gcd-tl-mark gcd-tl-expiry".to_owned()),
        "{marks:?}"
    );
    let expiry: Element = find(&root, ".gcd-tl-expiry");
    expiry
        .dispatch_event(&web_sys::Event::new("focus").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(
        class(&find(&root, ".gcd-tl-expiry")),
        "gcd-tl-mark gcd-tl-expiry gcd-tl-active"
    );
}

/// The footer's status line (held by the app since the footer became a plain function) says what "forget my
/// answers" did, and still says it on the first question the app starts over at.
#[wasm_bindgen_test]
async fn forgetting_the_answers_says_so_in_the_footer() {
    use giftcard_doctor_core::{content, Lang, UiKey};
    let root = mount(113, "en", Some(result_facts())).await;
    assert!(!causes(&root).is_empty(), "the result is shown");
    assert_eq!(text(&root, ".gcd-footer .gcd-status"), "");
    click_button(
        &root,
        ".gcd-footer",
        content().ui(UiKey::ForgetAnswers, Lang::En),
    )
    .await;
    assert_eq!(
        text(&root, ".gcd-footer .gcd-status"),
        content().ui(UiKey::Forgotten, Lang::En)
    );
    assert!(causes(&root).is_empty(), "started over");
}

/// A host's getter that throws half-way through a list of cards: the reader refuses the input, and no part of the code
/// in the first card reaches the wasm's memory (`js::from_js` takes the value as JSON in JS first, where the throw is
/// caught; read in place by serde-wasm-bindgen, the exception would cross the wasm and skip the wiping destructors).
#[wasm_bindgen_test]
fn a_throwing_getter_leaves_no_code_in_memory() {
    use giftcard_doctor::js::from_js;
    use giftcard_doctor_core::cards::CardInput;
    // The code is put together in JS, so that no copy of it (not even this test's own) is in the wasm's memory but
    // the one the reader makes.
    let run = |src: &str| {
        js_sys::Function::new_no_args(src)
            .call0(&JsValue::NULL)
            .unwrap()
    };
    let cards = run("return [{ code: 'ZQ7K' + 'PLM3' + 'XW9RTBXA' }, { get amount() { throw new Error('host bug') } }];");
    assert!(from_js::<Vec<CardInput>>(&cards).is_err());
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let find = js_sys::Function::new_with_args(
        "buffer",
        "const code = new TextEncoder().encode('ZQ7K' + 'PLM3' + 'XW9RTBXA'); const b = new Uint8Array(buffer); \
         outer: for (let i = 0; i + code.length <= b.length; i++) { \
           for (let j = 0; j < code.length; j++) if (b[i + j] !== code[j]) continue outer; \
           return true; } return false;",
    );
    let found = find.call1(&JsValue::NULL, &memory.buffer()).unwrap();
    assert_eq!(
        found,
        JsValue::FALSE,
        "the code is still in the wasm's memory"
    );
    // The check can see a code that is there: one read without a throw, still held.
    let held: Vec<CardInput> =
        from_js(&run("return [{ code: 'ZQ7K' + 'PLM3' + 'XW9RTBXA' }];")).unwrap();
    assert_eq!(
        find.call1(&JsValue::NULL, &memory.buffer()).unwrap(),
        JsValue::TRUE
    );
    drop(held);
}

/// A host's value over the size limit is refused before it is read, with an error that quotes none of it.
#[wasm_bindgen_test]
fn a_value_too_large_is_refused_unread() {
    use giftcard_doctor::js::{from_js, Refused, MAX_INPUT_CHARS};
    use giftcard_doctor_core::facts::RawFacts;
    let big =
        js_sys::Function::new_with_args("n", "return { marketplace: 'jp', loss: 'x'.repeat(n) };");
    let at = |n: u32| big.call1(&JsValue::NULL, &n.into()).unwrap();
    assert_eq!(
        from_js::<RawFacts>(&at(MAX_INPUT_CHARS)).err(),
        Some(Refused::TooLarge)
    );
    // Just under the limit it is read (and then refused by the facts' own check, not here).
    assert!(from_js::<RawFacts>(&at(MAX_INPUT_CHARS - 64)).is_ok());
    let error = giftcard_doctor::api::js_diagnose(at(MAX_INPUT_CHARS), JsValue::NULL).unwrap_err();
    let message = js_sys::Error::from(error).message().as_string().unwrap();
    assert!(message.starts_with("facts: larger than"), "{message}");
    assert!(!message.contains("xxxx"), "{message}");
}
