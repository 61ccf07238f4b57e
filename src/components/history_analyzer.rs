//! The balance-history analyzer: the person pastes what they copied from their balance page; the core reads it in
//! memory and this shows where the money went. The pasted text is never stored and "clear" wipes it.

use crate::i18n::{t, tf, use_lang};
use giftcard_doctor_core::facts::Findings;
use giftcard_doctor_core::facts::Marketplace;
use giftcard_doctor_core::history::{analyze, Kind, Report};
use giftcard_doctor_core::money::format_amount;
use giftcard_doctor_core::{content, Lang, UiKey};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Rows shown in the table; the totals always count every row.
const ROWS_SHOWN: usize = 200;

#[derive(Properties, PartialEq)]
pub struct HistoryAnalyzerProps {
    pub marketplace: Marketplace,
    pub instance: u32,
    /// The findings for the diagnosis, or `None` when cleared.
    pub on_findings: Callback<Option<Findings>>,
}

fn cause_title(id: &str, lang: Lang) -> String {
    content()
        .cause(id)
        .map(|c| c.title.get(lang).to_owned())
        .unwrap_or_default()
}

fn report_view(report: &Report, total_lines: usize, market: Marketplace, lang: Lang) -> Html {
    if report.rows.is_empty() {
        return html! { <p class="gcd-error" role="status">{ t(UiKey::HistoryNothing, lang) }</p> };
    }
    let money = |v: i64| format_amount(v, market);
    let added: Vec<&str> = report
        .rows
        .iter()
        .filter(|r| r.kind == Kind::Added)
        .filter_map(|r| r.code_last4.as_deref())
        .collect();
    let unread = report
        .unread_lines
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <div class="gcd-history-report">
            <p role="status">{ tf(UiKey::HistoryUnderstood, lang, &[("read", &report.rows.len().to_string()), ("total", &total_lines.to_string())]) }</p>
            if !report.unexplained.is_empty() {
                <div class="gcd-warning">
                    <ul>
                        { for report.unexplained.iter().map(|u| html! { <li>{ u.localized(market, lang) }</li> }) }
                    </ul>
                    <p>{ t(UiKey::HistoryUnexplainedMeaning, lang) }</p>
                </div>
            }
            <h4 class="gcd-subheading">{ t(UiKey::HistoryTotals, lang) }</h4>
            <div class="gcd-table-wrap">
                <table class="gcd-table">
                    <tbody>
                        { for Kind::ALL.iter().filter(|k| report.totals.get(**k) != 0).map(|k| html! {
                            <tr data-kind={k.id()}>
                                <th scope="row">{ k.label(lang) }</th>
                                <td class="gcd-num">{ money(report.totals.get(*k)) }</td>
                                <td>
                                    if let Some(cause) = k.linked_cause() {
                                        { tf(UiKey::HistoryLinkedCause, lang, &[("cause", &cause_title(cause, lang))]) }
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            if !added.is_empty() {
                <p>{ format!("{}: ", t(UiKey::HistoryCardsAdded, lang)) }
                    <span class="gcd-code">{ added.iter().map(|l| format!("xxxx-xxxxxx-{l}")).collect::<Vec<_>>().join(", ") }</span>
                </p>
            }
            if !report.unread_lines.is_empty() {
                <p class="gcd-muted">{ tf(UiKey::HistoryUnread, lang, &[("lines", &unread)]) }</p>
            }
            <details>
                <summary>{ format!("{} ({})", t(UiKey::HistoryRows, lang), report.rows.len()) }</summary>
                if report.rows.len() > ROWS_SHOWN {
                    <p class="gcd-muted">{ tf(UiKey::HistoryRowsCapped, lang, &[("shown", &ROWS_SHOWN.to_string()), ("total", &report.rows.len().to_string())]) }</p>
                }
                <div class="gcd-table-wrap">
                    <table class="gcd-table">
                        <thead>
                            <tr>
                                <th scope="col">{ t(UiKey::ColDate, lang) }</th>
                                <th scope="col">{ t(UiKey::ColDescription, lang) }</th>
                                <th scope="col" class="gcd-num">{ t(UiKey::ColAmount, lang) }</th>
                                <th scope="col" class="gcd-num">{ t(UiKey::ColBalance, lang) }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for report.rows.iter().take(ROWS_SHOWN).map(|r| html! {
                                <tr data-kind={r.kind.id()}>
                                    <td>{ r.date.to_string() }</td>
                                    <td>{ r.kind.label(lang) }<br /><span class="gcd-muted">{ &r.description }</span></td>
                                    <td class="gcd-num">{ money(r.amount) }</td>
                                    <td class="gcd-num">{ r.balance.map(money).unwrap_or_default() }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </div>
    }
}

#[component]
pub fn HistoryAnalyzer(props: &HistoryAnalyzerProps) -> Html {
    let lang = use_lang();
    let text = use_state(String::new);
    // Report and the line count it was read from; memory only.
    let report = use_state(|| None::<Result<(Report, usize), String>>);
    let market = props.marketplace;

    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_analyze = {
        let (text, report) = (text.clone(), report.clone());
        let on_findings = props.on_findings.clone();
        Callback::from(move |_: MouseEvent| match analyze(&text, market) {
            Ok(r) => {
                on_findings.emit(Some(r.findings()));
                report.set(Some(Ok((r, text.lines().count()))));
            }
            Err(e) => {
                on_findings.emit(None);
                report.set(Some(Err(e.localized(lang))));
            }
        })
    };
    let on_clear = {
        let (text, report) = (text.clone(), report.clone());
        let on_findings = props.on_findings.clone();
        Callback::from(move |_: MouseEvent| {
            text.set(String::new());
            report.set(None);
            on_findings.emit(None);
        })
    };
    let field = format!("gcd-{}-history", props.instance);
    html! {
        <details class="gcd-panel gcd-history">
            <summary>{ t(UiKey::HistoryHeading, lang) }</summary>
            <p class="gcd-muted">{ t(UiKey::HistoryLead, lang) }</p>
            <label class="gcd-field-label" for={field.clone()}>{ t(UiKey::HistoryPaste, lang) }</label>
            <textarea id={field} class="gcd-input gcd-history-text" rows="8" spellcheck="false" autocomplete="off"
                value={(*text).clone()} oninput={on_input} />
            <div class="gcd-actions">
                <button type="button" class="gcd-button gcd-button-primary" onclick={on_analyze}>{ t(UiKey::HistoryAnalyze, lang) }</button>
                <button type="button" class="gcd-button" onclick={on_clear}>{ t(UiKey::HistoryClear, lang) }</button>
            </div>
            { match &*report {
                None => html! {},
                Some(Err(message)) => html! { <p class="gcd-error" role="alert">{ message }</p> },
                Some(Ok((r, lines))) => report_view(r, *lines, market, lang),
            } }
        </details>
    }
}
