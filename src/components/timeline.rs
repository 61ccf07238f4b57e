//! The balance timeline: draws, as hand-written SVG, the geometry the core computed (`giftcard_doctor_core::
//! timeline`), with the core's summary sentence as its text alternative, a table of the marks, and the details of
//! the focused or hovered mark.

use crate::components::markup::set_class;
use crate::i18n::{t, tn};
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
            // The axis labels are drawn over the chart by an SVG of CSS pixels, at a fixed size (the chart's own text
            // shrank with it: 8 px on a phone, issue 23), placed in percent of the same box; a label the one before
            // already shows is not repeated, and the middle date gives way on a narrow chart (widget.css). No style
            // attribute: the pages' CSP allows none.
            <div class="gcd-tl-plot">
            <svg class="gcd-timeline-svg" viewBox={format!("0 0 {} {}", tl.width, tl.height)} role="group"
                aria-labelledby={summary_id} aria-describedby={detail_id.clone()}
                preserveAspectRatio="none">
                <g class="gcd-tl-axes" aria-hidden="true">
                    <line x1={left.to_string()} y1={bottom.to_string()} x2={right.to_string()} y2={bottom.to_string()} />
                    <line x1={left.to_string()} y1={top.to_string()} x2={left.to_string()} y2={bottom.to_string()} />
                    if let Some(at) = tl.axis_break {
                        // The time axis breaks here: the expiry dates on the right are years later.
                        <path class="gcd-tl-break" d={format!("M{} {}l4 -8M{} {}l4 -8", at - 4, bottom + 4, at, bottom + 4)} />
                    }
                </g>
                <path class="gcd-tl-line" d={tl.path.clone()} aria-hidden="true" vector-effect="non-scaling-stroke" />
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
                                <rect class="gcd-tl-hit" x={(m.x - 12).to_string()} y={top.to_string()} width="24" height={(bottom - top).to_string()} />
                                <line x1={m.x.to_string()} y1={top.to_string()} x2={m.x.to_string()} y2={bottom.to_string()} vector-effect="non-scaling-stroke" />
                            </g>
                        }, class)
                    } else {
                        // The dot is drawn in CSS pixels (zero-length lines with round caps, so it stays round
                        // whatever the chart's proportions): a ring in the kind's colour and a core filled or hollow
                        // (widget.css); around it a 24 px target for a thumb or a pointer.
                        set_class(html! {
                            <g class="gcd-tl-mark" tabindex="0" role="img" aria-label={label.clone()}
                                onmouseenter={on_enter} onfocus={on_focus}>
                                <title>{ label }</title>
                                <line class="gcd-tl-hit" x1={m.x.to_string()} y1={m.y.to_string()} x2={m.x.to_string()} y2={m.y.to_string()}
                                    vector-effect="non-scaling-stroke" />
                                <line class="gcd-tl-dot" x1={m.x.to_string()} y1={m.y.to_string()} x2={m.x.to_string()} y2={m.y.to_string()}
                                    vector-effect="non-scaling-stroke" />
                                <line class="gcd-tl-core" x1={m.x.to_string()} y1={m.y.to_string()} x2={m.x.to_string()} y2={m.y.to_string()}
                                    vector-effect="non-scaling-stroke" />
                            </g>
                        }, class)
                    }
                }) }
            </svg>
            <svg class="gcd-tl-labels" aria-hidden="true">
                { for tl.y_ticks.iter().map(|tick| html! {
                    <text x={pct(left, tl.width)} y={pct(tick.at, tl.height)} dx="4" dy="-4">{ &tick.label }</text>
                }) }
                { for tl.x_ticks.iter().enumerate().filter(|(i, tick)| *i == 0 || tl.x_ticks[i - 1].label != tick.label).map(|(i, tick)| {
                    let last = i + 1 == tl.x_ticks.len() && i > 0;
                    // With an axis break the middle date is the history's last, just left of the break: it ends there,
                    // leaving the break's right-hand quarter to the last date (which ends at the right edge).
                    let mid_anchor = if tl.axis_break.is_some() { "end" } else { "middle" };
                    let (class, anchor) = match (i, last) { (0, _) => ("gcd-tl-x-first", "start"), (_, true) => ("gcd-tl-x-last", "end"), _ => ("gcd-tl-x-mid", mid_anchor) };
                    html! { <text class={class} text-anchor={anchor} x={pct(tick.at, tl.width)} y={pct(bottom, tl.height)} dy="18">{ &tick.label }</text> }
                }) }
            </svg>
            </div>
            <ul class="gcd-tl-legend">
                { for [
                    ("gcd-tl-added", UiKey::LegendAdded),
                    ("gcd-tl-order", UiKey::LegendOrder),
                    ("gcd-tl-amazon_pay", UiKey::LegendAmazonPay),
                    ("gcd-tl-unexplained", UiKey::LegendUnexplained),
                    ("gcd-tl-expiry", UiKey::LegendExpiry),
                ].into_iter().filter(|(class, _)| tl.marks.iter().any(|m| format!("gcd-tl-{}", m.kind.id()) == *class
                    || (*class == "gcd-tl-added" && m.kind.id() == "credit")
                    || (*class == "gcd-tl-unexplained" && matches!(m.kind.id(), "expired" | "reversal"))))
                    .map(|(class, key)| html! {
                        // The swatch's own class (`gcd-tl-swatch-order`), not the mark's: a legend is not a mark.
                        <li><span class={format!("gcd-tl-swatch {}", class.replace("gcd-tl-", "gcd-tl-swatch-"))} aria-hidden="true"></span>{ t(key, lang) }</li>
                    }) }
            </ul>
            <p id={detail_id} class="gcd-timeline-detail" aria-live="polite">{ detail.unwrap_or_default() }</p>
            if tl.unmarked > 0 {
                <p class="gcd-muted">{ tn(UiKey::TimelineMoreEvents, lang, tl.unmarked, &[]) }</p>
            }
            <details class="gcd-timeline-table">
                <summary>{ t(UiKey::TimelineTable, lang) }</summary>
                // A named region that takes focus, so a keyboard can scroll a table wider than a phone; the shadow
                // at its edge says there is more (widget.css).
                <div class="gcd-table-wrap" tabindex="0" role="region" aria-label={t(UiKey::TimelineTable, lang)}>
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

/// Where a coordinate of the chart's `extent` lies, in percent with two decimals (`37.50%`), for the labels drawn
/// over the chart. In integers: formatting a float would bring the float printer into the wasm (several KB).
fn pct(at: i32, extent: i32) -> String {
    let hundredths = i64::from(at.max(0)) * 10_000 / i64::from(extent.max(1));
    format!("{}.{:02}%", hundredths / 100, hundredths % 100)
}
