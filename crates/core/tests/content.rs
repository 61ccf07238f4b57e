//! Content checks: the shipped content is valid and every question can be reached; broken content is reported with
//! file and field path; and the tidy rules of the repository (every Rust module opens with a `//!` line).

use giftcard_doctor_core::content::raw::{
    RawCausesFile, RawContent, RawHistoryFile, RawQuestionsFile, RawRulesFile, RawSupportFile,
    RawUiFile,
};
use giftcard_doctor_core::content::validate::validate;
use giftcard_doctor_core::content::{content, Lang, UiKey};
use giftcard_doctor_core::engine::{apply_answer, next_question, Answer};
use giftcard_doctor_core::facts::{Facts, Precision};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The content files parsed from disk (not the embedded copy), to mutate in tests.
fn from_disk() -> RawContent {
    let dir = workspace().join("static/content");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    RawContent {
        causes: toml::from_str::<RawCausesFile>(&read("causes.toml")).unwrap(),
        rules: toml::from_str::<RawRulesFile>(&read("rules.toml")).unwrap(),
        questions: toml::from_str::<RawQuestionsFile>(&read("questions.toml")).unwrap(),
        ui: toml::from_str::<RawUiFile>(&read("ui.toml")).unwrap(),
        support: toml::from_str::<RawSupportFile>(&read("support.toml")).unwrap(),
        history: toml::from_str::<RawHistoryFile>(&read("history.toml")).unwrap(),
    }
}

/// The files in the one spelling [`Content::to_raw`] writes: a single value as `is`, several as `any_of`.
///
/// [`Content::to_raw`]: giftcard_doctor_core::content::Content::to_raw
fn canonical(mut raw: RawContent) -> RawContent {
    let conditions = raw
        .rules
        .rule
        .iter_mut()
        .flat_map(|r| r.when.iter_mut())
        .chain(
            raw.questions
                .question
                .iter_mut()
                .flat_map(|q| q.ask_if.iter_mut()),
        );
    for c in conditions {
        let mut values: Vec<String> = c.is.take().into_iter().collect();
        values.extend(c.any_of.take().into_iter().flatten());
        if values.len() == 1 {
            c.is = values.pop();
        } else {
            c.any_of = Some(values);
        }
    }
    raw
}

/// Asserts two lists equal item by item, so a failure names the one entry that differs.
fn same_items<T: PartialEq + std::fmt::Debug>(what: &str, baked: &[T], files: &[T]) {
    for (i, (b, f)) in baked.iter().zip(files).enumerate() {
        assert_eq!(b, f, "{what}[{i}]: the baked content differs from the file");
    }
    assert_eq!(
        baked.len(),
        files.len(),
        "{what}: the baked content has another number of entries"
    );
}

/// Each of `expected` starts one of the `problems` the validator reported (a message may go on with detail).
fn assert_reported(problems: &[String], expected: &[impl AsRef<str>]) {
    for want in expected {
        let want = want.as_ref();
        assert!(
            problems.iter().any(|p| p.starts_with(want)),
            "missing `{want}` in:\n{}",
            problems.join("\n")
        );
    }
}

#[test]
fn baked_content_equals_the_files() {
    // The build script lowered the files into Rust source; raised back to the files' shape, every id, number,
    // marketplace, effect, condition and text (in both languages, in file order) must be what the files say.
    let baked = content().to_raw();
    let files = canonical(from_disk());
    same_items(
        "causes.toml: cause",
        &baked.causes.cause,
        &files.causes.cause,
    );
    same_items("rules.toml: rule", &baked.rules.rule, &files.rules.rule);
    same_items(
        "questions.toml: question",
        &baked.questions.question,
        &files.questions.question,
    );
    for (key, text) in &files.ui.text {
        assert_eq!(
            baked.ui.text.get(key),
            Some(text),
            "ui.toml: text.{key}: the baked content differs from the file"
        );
    }
    assert_eq!(
        baked.ui.text.len(),
        files.ui.text.len(),
        "ui.toml: the baked content has other keys"
    );
    assert_eq!(
        baked.support.warning, files.support.warning,
        "support.toml: warning"
    );
    same_items(
        "support.toml: prepare",
        &baked.support.prepare,
        &files.support.prepare,
    );
    same_items(
        "support.toml: market",
        &baked.support.market,
        &files.support.market,
    );
    same_items(
        "history.toml: wording",
        &baked.history.wording,
        &files.history.wording,
    );
    assert_eq!(baked, files, "the baked content differs from the files");
    assert!(validate(&baked).is_empty());
}

#[test]
fn every_ui_key_reads_its_own_text() {
    let files = from_disk();
    for key in UiKey::ALL {
        let text = &files.ui.text[key.name()];
        assert_eq!(
            content().ui(*key, Lang::Ja),
            text.ja,
            "ui.toml: text.{}.ja",
            key.name()
        );
        assert_eq!(
            content().ui(*key, Lang::En),
            text.en,
            "ui.toml: text.{}.en",
            key.name()
        );
    }
}

#[test]
fn broken_content_is_reported_with_file_and_field_path() {
    let mut raw = from_disk();
    raw.causes.cause[3].title.en = "  ".into();
    raw.causes.cause[1].explanation.ja = "<b>太字</b>".into();
    raw.causes.cause[2].checks.clear();
    raw.rules.rule[0].cause = "no_such_cause".into();
    raw.rules.rule[1].when[0].fact = "noSuchFact".into();
    raw.questions.question[1].choices[0].value = "everything".into();
    raw.ui.text.remove("intro");
    raw.ui
        .text
        .insert("stray_key".into(), raw.ui.text["next"].clone());
    let problems: Vec<String> = validate(&raw).iter().map(ToString::to_string).collect();
    let expected = [
        "causes.toml: cause[3].title.en: is empty",
        "causes.toml: cause[1].explanation.ja: contains markup `<b>太字</b>`",
        "causes.toml: cause[2].checks: every cause needs at least one check",
        "rules.toml: rule[0].cause: unknown cause `no_such_cause`",
        "rules.toml: rule[1].when[0].fact: unknown fact `noSuchFact`",
        "questions.toml: question[1].choices[0].value: `everything` is not a value of `loss`",
        "ui.toml: text.intro: is missing",
        "ui.toml: text.stray_key: is not used by the app",
    ];
    assert_reported(&problems, &expected);
}

/// Issue 19's invariants: a rule on an unsure fact never decides or rules out; only the marketplace placeholders
/// appear in causes' texts and the warning (a channel or a step holds none); every link is https on its
/// marketplace's own host, `other` has none, and a cause links only to pages that exist.
#[test]
fn unsure_rules_stray_placeholders_and_foreign_links_are_reported() {
    let mut raw = from_disk();
    let maybe = raw
        .rules
        .rule
        .iter()
        .position(|r| r.when.iter().any(|c| c.is.as_deref() == Some("maybe")))
        .expect("a rule on cardExpired = maybe");
    raw.rules.rule[maybe].effect = "decisive".into();
    raw.rules.rule[maybe].weight = None;
    raw.causes.cause[0].actions[0].en = "Report it to {card}.".into();
    raw.support.market[0].fraud_channel.ja = "{fraud_channel}".into();
    raw.support.warning.en = "Call {police}.".into();
    raw.support.market[0].links.insert(
        "balance".into(),
        "https://www.amazon.co.jp.evil.example/gc".into(),
    );
    let other = raw
        .support
        .market
        .iter()
        .position(|m| m.id == "other")
        .unwrap();
    raw.support.market[other]
        .links
        .insert("balance".into(), "https://www.amazon.com/gc/balance".into());
    raw.causes.cause[0].links.push("no_such_page".into());
    let problems: Vec<String> = validate(&raw).iter().map(ToString::to_string).collect();
    let expected = [
        format!("rules.toml: rule[{maybe}].effect: a rule on an unsure fact (cardExpired = maybe) may not be decisive"),
        "causes.toml: cause[0].actions[0].en: unknown placeholder `{card}`".to_owned(),
        "support.toml: market[0].fraud_channel.ja: unknown placeholder `{fraud_channel}`".to_owned(),
        "support.toml: warning.en: unknown placeholder `{police}`".to_owned(),
        "support.toml: market[0].links.balance: `https://www.amazon.co.jp.evil.example/gc` is not a plain address starting https://www.amazon.co.jp/".to_owned(),
        format!("support.toml: market[{other}].links.balance: this marketplace has no Amazon host of its own"),
        "causes.toml: cause[0].links[2]: `no_such_page` is not a page of support.toml".to_owned(),
    ];
    assert_reported(&problems, &expected);
}

#[test]
fn broken_history_wordings_are_reported_with_file_and_field_path() {
    let mut raw = from_disk();
    let at = |raw: &RawContent, lang: &str, means: &str| {
        raw.history
            .wording
            .iter()
            .position(|w| w.lang == lang && w.means == means)
            .unwrap()
    };
    let expired = at(&raw, "ja", "expired");
    raw.history.wording[expired].source = None;
    let refund = at(&raw, "en", "refund");
    raw.history.wording[refund].source = Some("a blog".into());
    raw.history.wording[refund].words.push("Refunded".into());
    raw.history.wording[refund]
        .words
        .push("ｒｅｆｕｎｄ".into());
    let added = at(&raw, "de", "added");
    raw.history.wording[added].lang = "xx".into();
    raw.history.wording[added]
        .marketplaces
        .push("atlantis".into());
    raw.history.wording[added].means = "gone".into();
    // Every `released` wording gone: no row could be read as one.
    raw.history.wording.retain(|w| w.means != "released");
    // Positions after the removal.
    let expired = at(&raw, "ja", "expired");
    let refund = at(&raw, "en", "refund");
    let added = raw
        .history
        .wording
        .iter()
        .position(|w| w.lang == "xx")
        .unwrap();
    let problems: Vec<String> = validate(&raw).iter().map(ToString::to_string).collect();
    let expected = [
        format!("history.toml: wording[{expired}].source: is missing"),
        format!("history.toml: wording[{refund}].source: `a blog` is neither a URL"),
        format!("history.toml: wording[{refund}].words[1]: `Refunded` has upper-case letters"),
        format!("history.toml: wording[{refund}].words[2]: `ｒｅｆｕｎｄ` is not width-folded"),
        format!("history.toml: wording[{added}].lang: `xx` is not a page language"),
        format!("history.toml: wording[{added}].marketplaces[1]: `atlantis` is not a marketplace"),
        format!("history.toml: wording[{added}].means: unknown meaning `gone`"),
        "history.toml: wording: no wording means `released`".to_owned(),
    ];
    assert_reported(&problems, &expected);
    assert_eq!(
        problems.len(),
        expected.len(),
        "other problems than the ones made:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_question_is_reachable() {
    let mut seen = BTreeSet::new();
    for today in ["2017-06-01", "2026-11-27"] {
        let start = Facts {
            today: Some(today.parse().unwrap()),
            ..Facts::default()
        };
        let mut queue = vec![start];
        let mut visited = 0;
        while let Some(facts) = queue.pop() {
            visited += 1;
            assert!(visited < 20_000, "the question graph is unexpectedly large");
            let Some(q) = next_question(&facts) else {
                continue;
            };
            let first_time = seen.insert((today, q.id));
            let mut answers: Vec<Answer> = q
                .choices
                .iter()
                .map(|c| Answer::Value(c.value.to_owned()))
                .collect();
            answers.push(Answer::Value("unsure".into()));
            if q.kind == giftcard_doctor_core::content::QuestionKind::Date {
                answers = vec![
                    Answer::Date("2016-03-01".parse().unwrap(), Precision::Exact),
                    Answer::Value("unsure".into()),
                ];
            }
            if q.kind == giftcard_doctor_core::content::QuestionKind::Tri {
                answers = ["yes", "unsure"]
                    .iter()
                    .map(|v| Answer::Value((*v).into()))
                    .collect();
            }
            // Branch on the first two answers the first time a question comes up, and only go on with "I don't know"
            // after that, to keep the walk small (it grows as 2^questions otherwise); a reachable question shows up
            // anyway.
            let take = if first_time { 2 } else { 1 };
            let skip = if first_time { 0 } else { answers.len() - 1 };
            for answer in answers.into_iter().skip(skip).take(take) {
                if let Ok(next) = apply_answer(&facts, q.id, &answer) {
                    queue.push(next);
                }
            }
        }
    }
    let all: BTreeSet<&str> = content().questions.iter().map(|q| q.id).collect();
    let seen: BTreeSet<&str> = seen.into_iter().map(|(_, q)| q).collect();
    let missing: Vec<_> = all.difference(&seen).collect();
    assert!(missing.is_empty(), "never asked: {missing:?}");
}

#[test]
fn every_rust_module_opens_with_a_doc_line() {
    let mut offenders = Vec::new();
    let mut stack = vec![
        workspace().join("src"),
        workspace().join("crates"),
        workspace().join("xtask"),
        workspace().join("tests"),
    ];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("node_modules") && !path.ends_with("target") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                if !text.trim_start().starts_with("//!") {
                    offenders.push(path.display().to_string());
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "modules without a `//!` line: {offenders:?}"
    );
}

#[test]
fn history_kinds_link_to_causes_that_exist() {
    use giftcard_doctor_core::history::Kind;
    let linked: Vec<&str> = Kind::ALL.iter().filter_map(|k| k.linked_cause()).collect();
    assert_eq!(
        linked,
        ["applied_to_order", "amazon_pay", "expired", "invalidated"]
    );
    for id in linked {
        assert!(content().cause(id).is_some(), "{id} is not a cause");
    }
}

/// Issue 20.3: a text with a count has its plural forms, or the build fails; a number a sentence agrees with is
/// `{count}`; plural forms on a text without a count are reported too.
#[test]
fn a_counted_text_without_plural_forms_fails_the_build() {
    let mut raw = from_disk();
    raw.ui.text.get_mut("card_days_left").unwrap().en_one = None;
    let rule = raw
        .rules
        .rule
        .iter()
        .position(|r| r.reason.en.contains("{count}"))
        .expect("a reason that counts days");
    let reason = &mut raw.rules.rule[rule].reason;
    reason.ja = reason.ja.replace("{count}", "{days}");
    reason.en = reason.en.replace("{count}", "{days}");
    reason.en_one = None;
    raw.ui.text.get_mut("next").unwrap().en_one = Some("Next one".into());
    let problems: Vec<String> = validate(&raw).iter().map(ToString::to_string).collect();
    let expected = [
        "ui.toml: text.card_days_left: has a count (`{count}`) but no plural forms: add `en_one`"
            .to_owned(),
        format!("rules.toml: rule[{rule}].reason.en: `{{days}}` is a count: write it `{{count}}`"),
        "ui.toml: text.next.en_one: is a plural form, but the text has no `{count}`".to_owned(),
    ];
    assert_reported(&problems, &expected);
}

/// Issue 20.3: the form is chosen by the count, as CLDR says (English `one` is exactly 1; Japanese has only
/// `other`), with a sentence of its own for zero where the text gives one.
#[test]
fn counts_choose_their_plural_form() {
    let c = content();
    let drops = |lang, n| c.ui_count(UiKey::TimelineUnexplainedDrops, lang, n, &[]);
    assert_eq!(
        drops(Lang::En, 1),
        "1 of these drops is not explained by any entry."
    );
    assert_eq!(
        drops(Lang::En, 2),
        "2 of these drops are not explained by any entry."
    );
    assert_eq!(drops(Lang::En, 0), "Every drop is explained by an entry.");
    assert_eq!(drops(Lang::EnGb, 1), drops(Lang::En, 1));
    assert_eq!(drops(Lang::Ja, 1), "そのうち1回は、明細のない減少です。");
    assert_eq!(drops(Lang::Ja, 0), "明細のない減少はありませんでした。");
    let left = |n| c.ui_count(UiKey::CardDaysLeft, Lang::En, n, &[]);
    assert_eq!(left(1), "1 day left");
    assert_eq!(left(21), "21 days left");
    // Every counted text reads with its count filled in, for 0, 1 and 2, in every language.
    for key in UiKey::ALL {
        if !c.ui(*key, Lang::En).contains("{count}") {
            continue;
        }
        for lang in [Lang::Ja, Lang::En, Lang::EnGb, Lang::EnIn] {
            for n in 0..3 {
                let text = c.ui_count(*key, lang, n, &[]);
                assert!(
                    !text.contains("{count}"),
                    "{}: {lang:?} {n}: {text}",
                    key.name()
                );
            }
        }
    }
}

/// Issue 20.2: one English text set, with the few British (`en_gb`) and Indian (`en_in`) texts as data; the
/// validation holds `en` to US English, `en_gb` to British, English free of Japanese and of `e-mail`, and Japanese
/// to the terms of docs/ja-text-review.md (`vocab::JA_TERMS`).
#[test]
fn english_follows_the_marketplace_and_the_validation_holds_each_to_its_spelling() {
    use giftcard_doctor_core::marketplace::Marketplace as M;
    let c = content();
    let reload = |m| c.ui(UiKey::KindReload, Lang::En.for_market(Some(m)));
    assert_eq!(reload(M::Us), "Reload");
    assert_eq!(reload(M::Uk), "Top-up");
    assert_eq!(
        reload(M::In),
        "Top-up",
        "Indian English falls back to British"
    );
    assert_eq!(reload(M::Jp), "Reload");
    assert_eq!(
        c.ui(UiKey::KindReload, Lang::Ja.for_market(Some(M::Uk))),
        "チャージ"
    );
    // Amazon.in calls the balance "Amazon Pay balance" (docs/domain-facts.md): Indian English's own text.
    let balance = c.page("balance").expect("the balance page").label;
    assert_eq!(
        balance.get(Lang::En.for_market(Some(M::In))),
        "Amazon Pay balance"
    );
    assert_eq!(
        balance.get(Lang::En.for_market(Some(M::Uk))),
        "Gift card balance"
    );

    let mut raw = from_disk();
    let canceled = raw
        .ui
        .text
        .iter()
        .find(|(_, t)| t.en.contains("canceled") && t.en_gb.is_some())
        .map(|(k, _)| k.clone())
        .expect("a UI text with a British variant");
    raw.ui.text.get_mut(&canceled).unwrap().en_gb = None;
    raw.ui.text.get_mut("next").unwrap().en = "Next (the cancelled one)".into();
    raw.ui.text.get_mut("back").unwrap().en = "Back (戻る)".into();
    raw.ui.text.get_mut("yes").unwrap().en = "Yes, by e-mail".into();
    raw.ui.text.get_mut("no").unwrap().en_gb = Some("No".into());
    raw.ui.text.get_mut("restart").unwrap().en = "Start over from 24 April 2017".into();
    raw.ui.text.get_mut("restart").unwrap().ja = "カード番号を確かめてください".into();
    let problems: Vec<String> = validate(&raw).iter().map(ToString::to_string).collect();
    let expected = [
        format!("ui.toml: text.{canceled}.en: `canceled` is `cancelled` in British English: add the text's `en_gb`"),
        "ui.toml: text.next.en: `cancelled` is British: `en` is US English".to_owned(),
        "ui.toml: text.back.en: contains Japanese (`戻`)".to_owned(),
        "ui.toml: text.yes.en: write `email`, not `e-mail`".to_owned(),
        "ui.toml: text.no.en_gb: is the same as `en`: remove it".to_owned(),
        "ui.toml: text.restart.en: writes the date `24 April`: this English writes `April 24, 2017`".to_owned(),
        "ui.toml: text.restart.ja: write `確認・ご確認ください`, not `確かめ`".to_owned(),
        "ui.toml: text.restart.ja: write `ギフトカード番号`, not a bare `カード番号`".to_owned(),
    ];
    assert_reported(&problems, &expected);
}

/// `page.toml` (the texts around the widget and instead of it) is held to the same checks as every other text: the
/// real file passes, and a broken one is reported by file and field path.
#[test]
fn the_page_texts_are_validated_like_every_text() {
    use giftcard_doctor_core::content::raw::RawPageFile;
    use giftcard_doctor_core::content::validate::validate_page;
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../static/content/page.toml");
    let page: RawPageFile = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(validate_page(&page), []);
    let mut broken = page.clone();
    broken.noscript.en = "Turn on <b>JavaScript</b>".into();
    broken.fallback.checks[0].ja = String::new();
    broken.page.title.en = "ギフトカード".into();
    let problems: Vec<String> = validate_page(&broken)
        .iter()
        .map(ToString::to_string)
        .collect();
    for expected in [
        "page.toml: noscript.en: contains markup",
        "page.toml: fallback.checks[0].ja: is empty",
        "page.toml: page.title.en:",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "{expected} in {problems:#?}"
        );
    }
}
