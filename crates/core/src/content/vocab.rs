//! The fixed vocabulary the content files may use: the facts (a typed enum) with their values, the UI text keys, and
//! what a history wording may mean.
//!
//! This file is shared, through `#[path]`, by the build script (which validates the content) and the library, so it
//! depends on nothing but `core`.

macro_rules! facts {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal: $values:expr, $derived:literal;)*) => {
        /// A fact a rule or question may name: one typed list, so a misspelled fact is a compile error in Rust and a
        /// build error in the content files.
        ///
        /// Asked facts are answered by a person or passed in by hosts; derived facts are worked out by the engine
        /// from cards, dates and a pasted balance history, and can only appear in conditions.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Fact {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Fact {
            /// Every fact, in declaration order.
            pub const ALL: &'static [Fact] = &[$(Fact::$variant,)*];

            /// The fact's camelCase name, as content files, hosts and URLs spell it.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Fact::$variant => $name,)*
                }
            }

            /// The values the fact can take.
            pub fn values(self) -> &'static [&'static str] {
                match self {
                    $(Fact::$variant => $values,)*
                }
            }

            /// Whether the engine derives the fact (a question may not ask it).
            pub const fn is_derived(self) -> bool {
                match self {
                    $(Fact::$variant => $derived,)*
                }
            }

            /// Looks a fact up by its camelCase name.
            pub fn from_name(name: &str) -> Option<Fact> {
                match name {
                    $($name => Some(Fact::$variant),)*
                    _ => None,
                }
            }

            /// Whether this is a yes / no / unsure question's fact.
            pub fn is_tri(self) -> bool {
                !self.is_derived() && self.values() == TRI
            }
        }
    };
}

facts! {
    Marketplace = "marketplace": &["jp", "us", "uk", "de", "fr", "it", "in", "mx", "other"], false;
    Loss = "loss": &["all", "partial", "unsure"], false;
    CardIssued = "cardIssued": &["known"], false;
    CardKind = "cardKind": &["email", "print", "card", "charge", "corporate", "sheet", "unsure"], false;
    MultipleAccounts = "multipleAccounts": TRI, false;
    UnfamiliarActivity = "unfamiliarActivity": TRI, false;
    PhoneLostOrPhished = "phoneLostOrPhished": TRI, false;
    PendingOrders = "pendingOrders": TRI, false;
    SubscribeAndSave = "subscribeAndSave": TRI, false;
    AmazonPayUse = "amazonPayUse": TRI, false;
    KindleOrOneClick = "kindleOrOneClick": TRI, false;
    InvalidationEmail = "invalidationEmail": TRI, false;
    BoughtFromResale = "boughtFromResale": TRI, false;
    OutageReports = "outageReports": TRI, false;
    AlreadyRegisteredMessage = "alreadyRegisteredMessage": TRI, false;
    AccountSuspendedNotice = "accountSuspendedNotice": TRI, false;
    /// The person cannot sign in now (a lockout; not the same as a suspension notice).
    CannotSignIn = "cannotSignIn": TRI, false;
    PromotionalCredit = "promotionalCredit": TRI, false;
    /// Someone else in the household uses the account or a shared device (Kindle, Fire, Alexa, apps).
    SharedAccountOrDevice = "sharedAccountOrDevice": TRI, false;
    /// Part of the missing amount was Amazon points (amazon.co.jp only).
    AmazonPoints = "amazonPoints": TRI, false;
    /// The person gave a gift card code, or a photo of a card or receipt, to someone who asked (by phone, SMS,
    /// e-mail, chat, a website; someone claiming to be Amazon, a bank, a company or the police), or bought cards
    /// because someone asked.
    CodeShared = "codeShared": TRI, false;
    /// A top-up (reload, チャージ) was paid recently and has not shown up in the balance.
    RecentTopUp = "recentTopUp": TRI, false;
    /// Memberships (Prime, Kindle Unlimited, Audible, Music or others) are paid on the account.
    PaidMemberships = "paidMemberships": TRI, false;
    /// When the person last saw the balance intact (`known` once a date is given; the date is in the facts).
    LastSeenIntact = "lastSeenIntact": &["known"], false;
    /// `before_seen`: the card's latest possible expiry is before the day the balance was last seen intact, so it had
    /// already left the balance then and cannot explain the drop.
    CardExpired = "cardExpired": &["yes", "maybe", "before_seen", "no", "never", "unknown"], true;
    /// `unmarked`: the account's marketplace is known but no card says where it was bought.
    CardForeign = "cardForeign": &["yes", "no", "unmarked"], true;
    CardNeedsKind = "cardNeedsKind": &["yes", "no"], true;
    HistoryAmazonPay = "historyAmazonPay": &["yes", "no"], true;
    HistoryOrders = "historyOrders": &["yes", "no"], true;
    HistoryUnexplained = "historyUnexplained": &["yes", "no"], true;
    /// A pasted history row says a card expired (only "yes" is ever derived: no row proves a card did not).
    HistoryExpired = "historyExpired": &["yes"], true;
    /// A pasted history row says a card was voided or a credit reversed (only "yes" is derived).
    HistoryInvalidated = "historyInvalidated": &["yes"], true;
}

/// Values of every yes / no / unsure question.
pub const TRI: &[&str] = &["yes", "no", "unsure"];

/// Whether a fact (by name) is derived by the engine.
pub fn is_derived(name: &str) -> bool {
    Fact::from_name(name).is_some_and(Fact::is_derived)
}

/// Placeholders a rule's reason may contain, filled in by the engine.
pub const REASON_PLACEHOLDERS: &[&str] = &[
    "{card}",
    "{issued}",
    "{expires}",
    "{rule}",
    "{amount}",
    "{count}",
    "{seen}",
];

/// The placeholder that holds a count: a text with it has its plural forms (see `raw::RawText`).
pub const COUNT: &str = "{count}";

/// Placeholders that used to hold counts, before texts had plural forms: a number a sentence agrees with is `{count}`.
pub const NOT_COUNTS: &[&str] = &["{days}", "{drops}", "{unexplained}", "{read}", "{found}"];

/// US English (`en`) and British English (`en_gb`, and `en_in`, which falls back to it) spellings: a text with either
/// has both texts, each with its own.
pub const SPELLINGS: &[(&str, &str)] = &[
    ("canceled", "cancelled"),
    ("canceling", "cancelling"),
    ("center", "centre"),
    ("recognize", "recognise"),
    ("unauthorized", "unauthorised"),
    ("authorization", "authorisation"),
    ("uncheck", "untick"),
    ("color", "colour"),
];

/// Amazon.com's words (`en`) and Amazon.co.uk's (`en_gb`) for the same thing: neither side uses the other's. Unlike a
/// spelling, the US word has other senses ("reload the page"), so it alone does not ask for an `en_gb`.
pub const TERMS: &[(&str, &str)] = &[
    ("reload", "top-up"),
    ("reload", "top up"),
    ("reloads", "top-ups"),
    ("reloaded", "topped up"),
    ("by mail", "by post"),
];

/// Japanese words no text uses, with the one form Amazon.co.jp's help writes (docs/ja-text-review.md, issue 20's
/// terminology): the register a person trusts, and one word for one thing.
pub const JA_TERMS: &[(&str, &str)] = &[
    ("確かめ", "確認・ご確認ください"),
    ("ギフトカード残高のページ", "「ギフトカード残高」ページ"),
    ("ギフトカード残高ページ", "「ギフトカード残高」ページ"),
    ("自動で", "自動的に"),
    ("アプリ内の購入", "アプリ内課金"),
    ("ひとつ", "1つ"),
    ("一つ", "1つ"),
    ("明細で説明できない", "明細のない"),
    ("あなたの", "（何も付けず）回答内容など"),
    ("0円", "残高が0"),
    ("だいたいの日付", "おおよその日付"),
];

/// Words no English text uses, with Amazon's own: every Amazon writes `email`.
pub const ENGLISH_TERMS: &[(&str, &str)] = &[("e-mail", "email"), ("e-mails", "emails")];

/// Placeholders a cause's texts and the support warning may contain, filled in by the engine from the person's
/// marketplace (`support.toml`).
pub const CONTENT_PLACEHOLDERS: &[&str] = &["{fraud_channel}"];

/// The Amazon pages a cause's checks or the support block may link to (`support.toml` labels them and gives each
/// marketplace's address where a source names one).
pub const PAGES: &[&str] = &[
    "balance",
    "orders",
    "digital_orders",
    "memberships",
    "subscribe_and_save",
    "login_security",
    "message_centre",
    "contact_us",
    "scam_report",
];

/// The marketplace's own Amazon host: every link for it must be `https://` on this host. `other` has none, so it
/// gets no links.
pub fn market_host(market: &str) -> Option<&'static str> {
    Some(match market {
        "jp" => "www.amazon.co.jp",
        "us" => "www.amazon.com",
        "uk" => "www.amazon.co.uk",
        "de" => "www.amazon.de",
        "fr" => "www.amazon.fr",
        "it" => "www.amazon.it",
        "in" => "www.amazon.in",
        "mx" => "www.amazon.com.mx",
        _ => return None,
    })
}

/// Looks up the values a fact can take.
pub fn fact_values(name: &str) -> Option<&'static [&'static str]> {
    Fact::from_name(name).map(Fact::values)
}

macro_rules! meanings {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal,)*) => {
        /// What a wording of `static/content/history.toml` says about a history row (its `means`). The classifier
        /// asks in declaration order; [`Meaning::index`] is a wording list's place in the baked table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Meaning {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Meaning {
            /// Every meaning, in declaration order.
            pub const ALL: &'static [Meaning] = &[$(Meaning::$variant,)*];

            /// The name `history.toml` uses (`cancel_or_return`).
            pub const fn name(self) -> &'static str {
                match self {
                    $(Meaning::$variant => $name,)*
                }
            }

            /// Looks a meaning up by its name.
            pub fn from_name(name: &str) -> Option<Meaning> {
                match name {
                    $($name => Some(Meaning::$variant),)*
                    _ => None,
                }
            }

            /// The meaning's place in [`Meaning::ALL`] (its declaration order).
            pub const fn index(self) -> usize {
                self as usize
            }
        }
    };
}

meanings! {
    /// Returned to the balance from an order (credit).
    Released = "released",
    /// A card's balance removed because it expired.
    Expired = "expired",
    /// A card voided or a credit reversed by Amazon.
    Reversal = "reversal",
    /// A cancelled order or a returned item (a credit only).
    CancelOrReturn = "cancel_or_return",
    /// A refund of an order.
    Refund = "refund",
    /// Amazon Pay, in either direction.
    AmazonPay = "amazon_pay",
    /// Bought balance.
    Reload = "reload",
    /// A gift card registered.
    Added = "added",
    /// Applied to an Amazon order.
    Applied = "applied",
    /// In an Amazon Pay row: the money went to a shop.
    PayDebit = "pay_debit",
    /// In an Amazon Pay row: the money came from Amazon Pay.
    PayCredit = "pay_credit",
    /// The row names a card or a code (for a last four in parentheses).
    Card = "card",
}

/// The languages of the balance pages whose wordings `history.toml` lists.
pub const PAGE_LANGS: &[&str] = &["ja", "en", "de", "fr", "it", "es"];

macro_rules! ui_keys {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal,)*) => {
        /// A key of `static/content/ui.toml`: every text the app shows that is not a cause or a question.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum UiKey {
            $($(#[doc = $doc])* $variant,)*
        }

        impl UiKey {
            /// Every key, in file order.
            pub const ALL: &'static [UiKey] = &[$(UiKey::$variant,)*];

            /// The key's name in `ui.toml`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(UiKey::$variant => $name,)*
                }
            }
        }
    };
}

ui_keys! {
    AppTitle = "app_title",
    Intro = "intro",
    PrivacyPromise = "privacy_promise",
    PrivacyEmbedded = "privacy_embedded",
    LanguageSwitch = "language_switch",
    Next = "next",
    Back = "back",
    Restart = "restart",
    RestartConfirm = "restart_confirm",
    RestartYes = "restart_yes",
    RestartNo = "restart_no",
    DontKnow = "dont_know",
    Yes = "yes",
    No = "no",
    ProgressStep = "progress_step",
    DateTyped = "date_typed",
    DateInvalid = "date_invalid",
    DateEmpty = "date_empty",
    DatePrecision = "date_precision",
    DatePrecisionExact = "date_precision_exact",
    DatePrecisionApproximate = "date_precision_approximate",
    ChooseOne = "choose_one",
    ResultHeading = "result_heading",
    ResultLead = "result_lead",
    FirstHeading = "first_heading",
    FirstCause = "first_cause",
    FirstScam = "first_scam",
    GoToSupport = "go_to_support",
    NewTab = "new_tab",
    OtherPossibilities = "other_possibilities",
    IfThisCause = "if_this_cause",
    RemainingNote = "remaining_note",
    RemainingHeading = "remaining_heading",
    ChooseAnswer = "choose_answer",
    BandHigh = "band_high",
    BandMedium = "band_medium",
    BandLow = "band_low",
    BecauseHeading = "because_heading",
    NoReasons = "no_reasons",
    ChecksHeading = "checks_heading",
    ActionsHeading = "actions_heading",
    RecoverableYes = "recoverable_yes",
    RecoverableMaybe = "recoverable_maybe",
    RecoverableNo = "recoverable_no",
    RuledOutHeading = "ruled_out_heading",
    ChangeAnswers = "change_answers",
    AnswersHeading = "answers_heading",
    SupportHeading = "support_heading",
    SupportLead = "support_lead",
    SupportPrepare = "support_prepare",
    CopySummary = "copy_summary",
    Copied = "copied",
    CopyFailed = "copy_failed",
    SummaryTitle = "summary_title",
    SummaryVanished = "summary_vanished",
    ForgetAnswers = "forget_answers",
    Forgotten = "forgotten",
    ShareLink = "share_link",
    ShareLinkNote = "share_link_note",
    SaveOffline = "save_offline",
    CopiedFragment = "copied_fragment",
    Failed = "failed",
    FailedUnsaved = "failed_unsaved",
    FailedOffline = "failed_offline",
    /// Shown by the standalone page's install script (`static/js/install.js`, filled in by `cargo xtask dist`), not
    /// by the app: a new build's worker is waiting.
    UpdateReady = "update_ready",
    /// The button beside [`UiKey::UpdateReady`].
    UpdateReload = "update_reload",
    Footer = "footer",
    ErrorBadFacts = "error_bad_facts",
    ErrorExpectedText = "error_expected_text",
    ErrorExpectedDate = "error_expected_date",
    ErrorExpectedOneOf = "error_expected_one_of",
    ErrorExpectedAmount = "error_expected_amount",
    ErrorIssuedAfterToday = "error_issued_after_today",
    ErrorSeenAfterToday = "error_seen_after_today",
    ErrorUnknownQuestion = "error_unknown_question",
    ErrorNotAnAnswer = "error_not_an_answer",
    CardsHeading = "cards_heading",
    CardsLead = "cards_lead",
    CardCode = "card_code",
    CardCodeHelp = "card_code_help",
    CardIssued = "card_issued",
    LastSeenField = "last_seen_field",
    CardKind = "card_kind",
    CardAmount = "card_amount",
    CardAdd = "card_add",
    CardRemove = "card_remove",
    CardLabel = "card_label",
    CardExpires = "card_expires",
    CardNeverExpires = "card_never_expires",
    CardExpiryUnknown = "card_expiry_unknown",
    CardDaysLeft = "card_days_left",
    CardDaysLeftAtLeast = "card_days_left_at_least",
    CardDaysSince = "card_days_since",
    CardDaysSinceLatest = "card_days_since_latest",
    CardExpiresToday = "card_expires_today",
    CardMaybeExpired = "card_maybe_expired",
    CardsTotalExpired = "cards_total_expired",
    CardsTotalValid = "cards_total_valid",
    CardsTotalNote = "cards_total_note",
    CardsEmpty = "cards_empty",
    HistoryHeading = "history_heading",
    HistoryLead = "history_lead",
    HistoryPaste = "history_paste",
    HistoryAnalyze = "history_analyze",
    HistoryClear = "history_clear",
    HistoryTooLarge = "history_too_large",
    HistoryUnderstood = "history_understood",
    HistoryTotals = "history_totals",
    HistoryUnexplained = "history_unexplained",
    HistoryUnexplainedMeaning = "history_unexplained_meaning",
    HistoryUnread = "history_unread",
    HistoryCardsAdded = "history_cards_added",
    HistoryNothing = "history_nothing",
    HistoryRows = "history_rows",
    HistoryRowsCapped = "history_rows_capped",
    HistoryLinkedCause = "history_linked_cause",
    ColDate = "col_date",
    ColDescription = "col_description",
    ColAmount = "col_amount",
    ColBalance = "col_balance",
    CardKeptAs = "card_kept_as",
    CardAmountInvalid = "card_amount_invalid",
    CardAmountHelp = "card_amount_help",
    KindAdded = "kind_added",
    KindOrder = "kind_order",
    KindAmazonPay = "kind_amazon_pay",
    KindReleased = "kind_released",
    KindRefund = "kind_refund",
    KindReload = "kind_reload",
    KindAmazonPayCredit = "kind_amazon_pay_credit",
    KindOther = "kind_other",
    KindCancelRefund = "kind_cancel_refund",
    KindExpired = "kind_expired",
    KindReversal = "kind_reversal",
    CodeProblemLength = "code_problem_length",
    CodeProblemAlphabet = "code_problem_alphabet",
    CodeProblemConfusable = "code_problem_confusable",
    CodeLengthUnchecked = "code_length_unchecked",
    CardProblemFuture = "card_problem_future",
    RuleJp10y = "rule_jp_10y",
    RuleJpOld1y = "rule_jp_old_1y",
    RuleJpOld2y = "rule_jp_old_2y",
    RuleJpOld3y = "rule_jp_old_3y",
    RuleJpOldUnknownKind = "rule_jp_old_unknown_kind",
    RuleUsNever = "rule_us_never",
    RuleUk10y = "rule_uk_10y",
    RuleDe3yOr10y = "rule_de_3y_or_10y",
    RuleFr10y = "rule_fr_10y",
    RuleIt10y = "rule_it_10y",
    RuleMx5y = "rule_mx_5y",
    RuleIn1y = "rule_in_1y",
    RuleUnknown = "rule_unknown",
    ExpiryLastDayNote = "expiry_last_day_note",
    HistoryAmbiguousDates = "history_ambiguous_dates",
    HistoryShowMore = "history_show_more",
    CalendarButton = "calendar_button",
    CalendarHelp = "calendar_help",
    CalendarSummary = "calendar_summary",
    CalendarSummaryMaybe = "calendar_summary_maybe",
    CalendarReminder = "calendar_reminder",
    CalendarCardNoCode = "calendar_card_no_code",
    TimelineHeading = "timeline_heading",
    TimelineSummary = "timeline_summary",
    TimelineDrops = "timeline_drops",
    TimelineUnexplainedDrops = "timeline_unexplained_drops",
    TimelineCardsSummary = "timeline_cards_summary",
    TimelineEventUnexplained = "timeline_event_unexplained",
    TimelineEventExpiry = "timeline_event_expiry",
    TimelineTable = "timeline_table",
    LegendAdded = "legend_added",
    LegendOrder = "legend_order",
    LegendAmazonPay = "legend_amazon_pay",
    LegendUnexplained = "legend_unexplained",
    LegendExpiry = "legend_expiry",
    TimelineMoreEvents = "timeline_more_events",
}
