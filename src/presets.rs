//! Built-in holiday presets: national public holidays that close the service.
//! Sources for every rule are listed in DESIGN.md.

use crate::rules::{Observed, RecurringRule, RuleDate};
use crate::civil::Weekday;

/// A named set of recurring rules.
///
/// # Example
///
/// ```
/// let us = slaclock::presets::find("US").unwrap();
/// assert_eq!(us.name, "United States federal holidays");
/// ```
pub struct Preset {
    /// The id used in calendar JSON (`"FI"`).
    pub id: &'static str,
    /// A human-readable name.
    pub name: &'static str,
    /// The rules (valid for every year 1970-2100).
    pub rules: fn() -> Vec<RecurringRule>,
}

/// Every preset, in id order.
///
/// # Example
///
/// ```
/// assert!(slaclock::presets::all().iter().any(|p| p.id == "US"));
/// ```
pub fn all() -> &'static [Preset] {
    PRESETS
}

/// The preset with id `id` (case-sensitive: `FI`, `SE`, `FR`, `PL`, `DE`, `US`).
///
/// # Example
///
/// ```
/// assert!(slaclock::presets::find("US").is_some());
/// assert!(slaclock::presets::find("XX").is_none());
/// ```
pub fn find(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

static PRESETS: &[Preset] = &[
    Preset { id: "US", name: "United States federal holidays", rules: us },
];

fn fixed(name: &str, month: u32, day: u32) -> RecurringRule {
    RecurringRule::closed(name, RuleDate::Fixed { month, day })
}

fn nth(name: &str, month: u32, weekday: Weekday, n: i32) -> RecurringRule {
    RecurringRule::closed(name, RuleDate::NthWeekday { month, weekday, nth: n })
}

fn us() -> Vec<RecurringRule> {
    let obs = Observed::NearestWeekday;
    vec![
        fixed("New Year's Day", 1, 1).observed(obs),
        nth("Birthday of Martin Luther King, Jr.", 1, Weekday::Mon, 3).years(Some(1986), None),
        nth("Washington's Birthday", 2, Weekday::Mon, 3),
        nth("Memorial Day", 5, Weekday::Mon, -1),
        fixed("Juneteenth National Independence Day", 6, 19).observed(obs).years(Some(2021), None),
        fixed("Independence Day", 7, 4).observed(obs),
        nth("Labor Day", 9, Weekday::Mon, 1),
        nth("Columbus Day", 10, Weekday::Mon, 2),
        fixed("Veterans Day", 11, 11).observed(obs).years(Some(1978), None),
        nth("Veterans Day", 10, Weekday::Mon, 4).years(Some(1971), Some(1977)),
        nth("Thanksgiving Day", 11, Weekday::Thu, 4),
        fixed("Christmas Day", 12, 25).observed(obs),
    ]
}
