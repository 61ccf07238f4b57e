//! The balance timeline: draws, as hand-written SVG, the geometry the core computed (`giftcard_doctor_core::
//! timeline`), with the core's summary sentence as its text alternative, a table of the marks, and the details of
//! the focused or hovered mark.

use crate::components::markup::set_class;
use crate::i18n::{t, tf};
use giftcard_doctor_core::timeline::Timeline;
use giftcard_doctor_core::{Lang, UiKey};
use yew::prelude::*;

/// The chart. `id` is unique per instance, for the ids that tie the chart to its text; `active` is the mark whose
/// details are shown (the focused one, or the one under the pointer), held by the component that shows the chart
/// ([`use_active_mark`]), which clears it when the chart is hidden. A chart redrawn while shown, with other marks,
/// keeps the index, as the chart component of before did: the details are then those of the mark now at that place,
/// or none. A plain function rather than a `#[component]`: that saved a component's Yew machinery (docs/size.md,
/// "Views as plain functions").
pub fn timeline_chart(
    tl: &Timeline,
    id: &str,
    active: &UseStateHandle<Option<usize>>,
    lang: Lang,
) -> Html {
    let (left, top, right, bottom) = tl.plot;
    let summary_id = format!("{id}-summary");
    let detail_id = format!("{id}-detail");
    let detail = (**active).and_then(|i| tl.marks.get(i)).map(|m| {
        [
            m.date_text.as_str(),
            m.what.as_str(),
            m.amount.as_str(),
            m.balance.as_str(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
    });
    html! {
        <figure class="gcd-timeline" data-marks={tl.marks.len().to_string()}>
            <figcaption>
                <h4 class="gcd-subheading">{ t(UiKey::TimelineHeading, lang) }</h4>
                <p id={summary_id.clone()} class="gcd-timeline-summary">{ &tl.summary }</p>
            </figcaption>
            <svg class="gcd-timeline-svg" viewBox={format!("0 0 {} {}", tl.width, tl.height)} role="group"
                aria-labelledby={summary_id} aria-describedby={detail_id.clone()}
                preserveAspectRatio="xMidYMid meet">
                <g class="gcd-tl-axes" aria-hidden="true">
                    <line x1={left.to_string()} y1={bottom.to_string()} x2={right.to_string()} y2={bottom.to_string()} />
                    <line x1={left.to_string()} y1={top.to_string()} x2={left.to_string()} y2={bottom.to_string()} />
                    if let Some(at) = tl.axis_break {
                        // The time axis breaks here: the expiry dates on the right are years later.
                        <path class="gcd-tl-break" d={format!("M{} {}l4 -8M{} {}l4 -8", at - 4, bottom + 4, at, bottom + 4)} />
                    }
                    { for tl.y_ticks.iter().map(|tick| html! {
                        <text x={(left - 6).to_string()} y={(tick.at + 4).to_string()} text-anchor="end">{ &tick.label }</text>
                    }) }
                    { for tl.x_ticks.iter().enumerate().map(|(i, tick)| {
                        let anchor = match (i, tl.axis_break.is_some()) { (0, _) => "start", (1, false) => "middle", _ => "end" };
                        html! { <text x={tick.at.to_string()} y={(bottom + 20).to_string()} text-anchor={anchor}>{ &tick.label }</text> }
                    }) }
                </g>
                <path class="gcd-tl-line" d={tl.path.clone()} aria-hidden="true" />
                { for tl.marks.iter().enumerate().map(|(i, m)| {
                    let on_enter = { let active = active.clone(); Callback::from(move |_: MouseEvent| active.set(Some(i))) };
                    let on_focus = { let active = active.clone(); Callback::from(move |_: FocusEvent| active.set(Some(i))) };
                    let label = [m.date_text.as_str(), m.what.as_str(), m.amount.as_str()]
                        .into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
                    let active_class = if **active == Some(i) { " gcd-tl-active" } else { "" };
                    let class = AttrValue::from(format!("gcd-tl-mark gcd-tl-{}{active_class}", m.kind.id()));
                    if m.kind == giftcard_doctor_core::timeline::MarkKind::Expiry {
                        set_class(html! {
                            <g class="gcd-tl-mark" tabindex="0" role="img" aria-label={label.clone()} onmouseenter={on_enter} onfocus={on_focus}>
                                <title>{ label }</title>
                                // A band wider than the dashed line, so the pointer finds it.
                                <rect class="gcd-tl-hit" x={(m.x - 6).to_string()} y={top.to_string()} width="12" height={(bottom - top).to_string()} />
                                <line x1={m.x.to_string()} y1={top.to_string()} x2={m.x.to_string()} y2={bottom.to_string()} />
                                <path d={format!("M{} {}l6 8h-12z", m.x, top)} />
                            </g>
                        }, class)
                    } else {
                        set_class(html! {
                            <circle class="gcd-tl-mark" cx={m.x.to_string()} cy={m.y.to_string()} r="5" tabindex="0" role="img"
                                aria-label={label.clone()} onmouseenter={on_enter} onfocus={on_focus}>
                                <title>{ label }</title>
                            </circle>
                        }, class)
                    }
                }) }
            </svg>
            <p id={detail_id} class="gcd-timeline-detail" aria-live="polite">{ detail.unwrap_or_default() }</p>
            if tl.unmarked > 0 {
                <p class="gcd-muted">{ tf(UiKey::TimelineMoreEvents, lang, &[("count", &tl.unmarked.to_string())]) }</p>
            }
            <details class="gcd-timeline-table">
                <summary>{ t(UiKey::TimelineTable, lang) }</summary>
                <div class="gcd-table-wrap">
                    <table class="gcd-table">
                        { rows_head(lang) }
                        <tbody>
                            { for tl.marks.iter().map(|m| html! {
                                <tr data-kind={m.kind.id()}>
                                    <td>{ &m.date_text }</td>
                                    <td>{ &m.what }</td>
                                    <td class="gcd-num">{ &m.amount }</td>
                                    <td class="gcd-num">{ &m.balance }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}

/// The head of a table of balance changes (date, description, amount, balance): the timeline's text alternative and
/// the history analyzer's rows share it.
pub fn rows_head(lang: Lang) -> Html {
    html! {
        <thead>
            <tr>
                <th scope="col">{ t(UiKey::ColDate, lang) }</th>
                <th scope="col">{ t(UiKey::ColDescription, lang) }</th>
                <th scope="col" class="gcd-num">{ t(UiKey::ColAmount, lang) }</th>
                <th scope="col" class="gcd-num">{ t(UiKey::ColBalance, lang) }</th>
            </tr>
        </thead>
    }
}

/// The mark whose details are shown, for the component that shows a chart while `shown`: it starts afresh each time
/// the chart is shown again, as the chart's own state did when the chart was a component of its own.
#[hook]
pub fn use_active_mark(shown: bool) -> UseStateHandle<Option<usize>> {
    let active = use_state(|| None);
    {
        let active = active.clone();
        use_effect_with(shown, move |shown| {
            if !*shown && active.is_some() {
                active.set(None);
            }
        });
    }
    active
}
