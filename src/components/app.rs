//! The root component: holds the one reducer, provides the language, persists the state, and shows either the
//! current question or the result.

use crate::components::card_list::CardList;
use crate::components::footer::{footer, FooterProps};
use crate::components::header::header;
use crate::components::history_analyzer::HistoryAnalyzer;
use crate::components::progress_bar::progress_bar;
use crate::components::question_step::QuestionStep;
use crate::components::result_view::{result_view, ResultViewProps};
use crate::components::support::CopyState;
use crate::i18n::{detect, t};
use crate::state::{Action, Position, State};
use crate::storage;
use chrono::NaiveDate;
use giftcard_doctor_core::engine::{current_answer, diagnose, Answer, QuestionView};
use giftcard_doctor_core::facts::Marketplace;
use giftcard_doctor_core::share::summary;
use giftcard_doctor_core::{content, Facts, Lang, UiKey};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// Distinguishes several widgets on one page (storage keys, radio names).
    #[prop_or_default]
    pub instance: u32,
    /// `ja` or `en`; otherwise the host page's or the browser's language.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// Facts the host already knows (e.g. the marketplace of a Japanese help page).
    #[prop_or_default]
    pub start: Option<Facts>,
    /// "Today", for hosts and tests; the browser's date otherwise.
    #[prop_or_default]
    pub today: Option<NaiveDate>,
    /// Where the offline single file is.
    #[prop_or_default]
    pub offline_href: Option<AttrValue>,
    /// Mounted in a host page (not one of our own pages), whose scripts can see what is typed.
    #[prop_or_default]
    pub embedded: bool,
    /// Keep answers in sessionStorage across reloads.
    #[prop_or(true)]
    pub persist: bool,
    /// What the person did in the pre-rendered first screen before the wasm took over.
    #[prop_or_default]
    pub takeover: Option<Takeover>,
}

/// A choice made in the pre-rendered first screen (see `mount.rs`): applied as an answer when Next was pressed,
/// shown as the selected choice otherwise, so nothing done before the wasm arrived is lost.
#[derive(PartialEq, Clone, Debug)]
pub struct Takeover {
    pub question: String,
    pub value: String,
    pub submitted: bool,
}

/// Whether this render runs in a browser; the build-time (server) render must not touch `window`.
const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

fn initial_state(props: &AppProps) -> State {
    let state = stored_or_fresh_state(props);
    // A Next pressed before the wasm arrived: answer that question now, as the wizard would have.
    match &props.takeover {
        Some(t) if t.submitted && state.position == Position::Question(t.question.clone()) => {
            let answered = Rc::new(state).reduce(Action::Answer {
                question: t.question.clone(),
                answer: Answer::Value(t.value.clone()),
            });
            Rc::unwrap_or_clone(answered)
        }
        _ => state,
    }
}

fn stored_or_fresh_state(props: &AppProps) -> State {
    if !IN_BROWSER {
        let mut facts = props.start.clone().unwrap_or_default();
        facts.today = props.today;
        let lang = props.lang.as_deref().and_then(Lang::from_tag);
        return State::new(facts, lang.unwrap_or_default());
    }
    let today = props.today.or_else(crate::page::browser_today);
    let explicit = props.lang.as_deref();
    if let Some(mut facts) = storage::shared_facts() {
        facts.today = today;
        return State::new(facts, detect(explicit));
    }
    if props.persist {
        if let Some(mut state) = storage::load(props.instance, today) {
            if let Some(lang) = explicit.and_then(Lang::from_tag) {
                state.lang = lang;
            }
            return state;
        }
    }
    let mut facts = props.start.clone().unwrap_or_default();
    facts.today = today;
    State::new(facts, detect(explicit))
}

/// The choice made but not yet submitted in the pre-rendered first question.
fn preselected(takeover: &Option<Takeover>, question: &str) -> Option<Answer> {
    takeover
        .as_ref()
        .filter(|t| !t.submitted && t.question == question)
        .map(|t| Answer::Value(t.value.clone()))
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| initial_state(props));
    let instance = props.instance;

    {
        let persist = props.persist;
        use_effect_with((*state).clone(), move |state| {
            if persist {
                storage::save(instance, state);
            }
        });
    }

    let lang = state.lang;
    use_effect_with(lang, |lang| crate::page::follow_page_lang(*lang));
    let diagnosis = {
        let facts = state.facts.clone();
        use_memo((facts, lang), |(facts, lang)| {
            diagnose(facts, *lang).map(Rc::new)
        })
    };

    // The reducer's own callback, the same on every render, for every action of every component (one closure per
    // action cost the wasm more: docs/size.md, "Views as plain functions").
    let send = state.dispatcher().to_callback();
    let focus = state.steps > 0;
    // The result's heading and its support section's "copied" state (see `result_view`): the heading takes the focus
    // when the result appears after a step; the state starts afresh each time the result is shown.
    let heading = use_node_ref();
    let copy_state = use_state(|| CopyState::Idle);
    // Which showing of the result a copy belongs to: a copy still waiting on the clipboard when the result is left
    // must not set the status of the next one (`support`).
    let copy_round = use_mut_ref(|| 0u32);
    {
        let showing = matches!((&state.position, &*diagnosis), (Position::Result, Ok(_)));
        let (heading, copy_state, copy_round) =
            (heading.clone(), copy_state.clone(), copy_round.clone());
        use_effect_with(showing, move |showing| {
            if !*showing {
                let next = copy_round.borrow().wrapping_add(1);
                *copy_round.borrow_mut() = next;
                if *copy_state != CopyState::Idle {
                    copy_state.set(CopyState::Idle);
                }
            } else if focus {
                if let Some(el) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    // What the footer's last action did (its status line): the footer lives as long as the app.
    let footer_status = use_state(String::new);

    let main = match (&state.position, &*diagnosis) {
        (_, Err(e)) => html! {
            <div class="gcd-error" role="alert">
                <p>{ t(UiKey::ErrorBadFacts, lang) }</p>
                <p>{ e.localized(lang) }</p>
            </div>
        },
        (Position::Question(id), Ok(_)) => match content().question(id) {
            Some(question) => {
                let (current, total) = state.progress();
                html! {
                    <>
                        { progress_bar(current, total, lang) }
                        <QuestionStep {lang} key={id.clone()} question={QuestionView::new(question, lang)}
                            current={current_answer(&state.facts, id).or_else(|| preselected(&props.takeover, id))} today={state.facts.today} {focus}
                            can_back={current > 1} {instance} error={state.error.clone().map(AttrValue::from)}
                            send={send.clone()} />
                    </>
                }
            }
            None => html! {},
        },
        (Position::Result, Ok(diagnosis)) => {
            let text = summary(&state.facts, diagnosis, lang);
            let market = state.facts.marketplace.unwrap_or(Marketplace::Jp);
            result_view(ResultViewProps {
                lang,
                diagnosis,
                state: &state,
                summary: text.into(),
                instance,
                send: &send,
                heading: &heading,
                copy_state: &copy_state,
                copy_round: &copy_round,
                children: html! {
                    <>
                    <CardList {lang} cards={state.facts.cards.clone()} marketplace={market} today={state.facts.today}
                        {instance} has_history={state.facts.history.is_some()} send={send.clone()} />
                    <HistoryAnalyzer {lang} marketplace={market} {instance} cards={state.facts.cards.clone()}
                        today={state.facts.today} send={send.clone()} />
                    </>
                },
            })
        }
    };

    html! {
            <div class="gcd" lang={lang.tag()}>
                { header(lang, props.embedded, &send) }
                <div class="gcd-main">{ main }</div>
                { footer(&FooterProps {
                    confirm_restart: state.confirm_restart,
                    send,
                    instance,
                    share_link: if IN_BROWSER { storage::share_link(&state.facts) } else { String::new() }.into(),
                    offline_href: props.offline_href.clone(),
                }, &footer_status, lang) }
            </div>
    }
}
