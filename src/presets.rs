//! Built-in holiday presets: national public holidays that close the service.
//!
//! Six presets: `DE`, `FI`, `FR`, `PL`, `SE`, `US`. Each is a list of
//! [`RecurringRule`]s that is right for every year 1970-2100: holidays that were
//! introduced, moved or abolished in that time carry `first_year`/`last_year`. Rules that
//! were already in force in 1970 have no first year, so years before 1970 simply repeat
//! the 1970 rules; they are not a historical record of earlier years.
//!
//! Every rule, its year range, its legal source and the choices made (de facto holidays
//! in Finland and Sweden, Whit Monday in France, no German state holidays, US federal
//! observance) are documented in `docs/presets.md`.
//!
//! # Example: Christmas in Finland
//!
//! ```
//! use slaclock::Date;
//! let fi = slaclock::presets::find("FI").unwrap();
//! let rules = (fi.rules)();
//! let closed = |s: &str| rules.iter().any(|r| r.matches(Date::parse(s).unwrap()));
//! assert!(closed("2026-12-24")); // Christmas Eve (de facto holiday)
//! assert!(closed("2026-12-26")); // St Stephen's Day
//! assert!(!closed("2026-12-23"));
//! ```

use crate::civil::Weekday;
use crate::rules::{easter_sunday, Observed, RecurringRule, RuleDate};

/// A named set of recurring rules.
///
/// # Example
///
/// ```
/// let us = slaclock::presets::find("US").unwrap();
/// assert_eq!(us.id, "US");
/// assert_eq!(us.name, "United States federal holidays");
/// assert_eq!((us.rules)().len(), 15);
/// ```
pub struct Preset {
    /// The id used in calendar JSON (`"FI"`).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::presets::find("FI").unwrap().id, "FI");
    /// ```
    pub id: &'static str,
    /// A human-readable name.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::presets::find("SE").unwrap().name, "Sweden public holidays");
    /// ```
    pub name: &'static str,
    /// The rules (valid for every year 1970-2100).
    ///
    /// # Example: Whit Monday stopped being a Swedish holiday after 2004
    ///
    /// ```
    /// let se = (slaclock::presets::find("SE").unwrap().rules)();
    /// let whit = se.iter().find(|r| r.name == "Whit Monday").unwrap();
    /// assert_eq!(whit.observed_in(2004).unwrap().to_string(), "2004-05-31");
    /// assert!(whit.observed_in(2005).is_none());
    /// ```
    pub rules: fn() -> Vec<RecurringRule>,
}

/// Every preset, in id order.
///
/// # Example
///
/// ```
/// let ids: Vec<&str> = slaclock::presets::all().iter().map(|p| p.id).collect();
/// assert_eq!(ids, ["DE", "FI", "FR", "PL", "SE", "US"]);
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
/// assert_eq!(slaclock::presets::find("PL").unwrap().name, "Poland public holidays");
/// assert!(slaclock::presets::find("XX").is_none());
/// assert!(slaclock::presets::find("fi").is_none());
/// ```
pub fn find(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

static PRESETS: &[Preset] = &[
    Preset { id: "DE", name: "Germany nationwide public holidays", rules: de },
    Preset { id: "FI", name: "Finland public holidays", rules: fi },
    Preset { id: "FR", name: "France public holidays", rules: fr },
    Preset { id: "PL", name: "Poland public holidays", rules: pl },
    Preset { id: "SE", name: "Sweden public holidays", rules: se },
    Preset { id: "US", name: "United States federal holidays", rules: us },
];

fn fixed(name: &str, month: u32, day: u32) -> RecurringRule {
    RecurringRule::closed(name, RuleDate::Fixed { month, day })
}

fn nth(name: &str, month: u32, weekday: Weekday, n: i32) -> RecurringRule {
    RecurringRule::closed(name, RuleDate::NthWeekday { month, weekday, nth: n })
}

fn easter(name: &str, offset: i32) -> RecurringRule {
    RecurringRule::closed(name, RuleDate::Easter { offset })
}

fn on_or_after(name: &str, month: u32, day: u32, weekday: Weekday) -> RecurringRule {
    RecurringRule::closed(name, RuleDate::WeekdayOnOrAfter { month, day, weekday })
}

fn on_or_before(name: &str, month: u32, day: u32, weekday: Weekday) -> RecurringRule {
    RecurringRule::closed(name, RuleDate::WeekdayOnOrBefore { month, day, weekday })
}

/// Germany: the holidays of every federal state (one federal, the rest in all 16 state
/// laws; before 3 October 1990 all West German states). State-only holidays are left out.
fn de() -> Vec<RecurringRule> {
    vec![
        fixed("New Year's Day", 1, 1),
        easter("Good Friday", -2),
        easter("Easter Monday", 1),
        fixed("Labour Day", 5, 1),
        easter("Ascension Day", 39),
        easter("Whit Monday", 50),
        // West Germany, law of 4 August 1953; abolished by the Unification Treaty.
        fixed("Day of German Unity (17 June)", 6, 17).years(Some(1954), Some(1990)),
        // Unification Treaty art. 2(2).
        fixed("Day of German Unity", 10, 3).years(Some(1990), None),
        // 500th anniversary of the Reformation: a one-off holiday in every state.
        fixed("Reformation Day", 10, 31).years(Some(2017), Some(2017)),
        // Wednesday between 16 and 22 November. In every state once Bavaria made it a
        // holiday in Catholic areas too (1981); abolished outside Saxony from 1995.
        on_or_before("Day of Repentance and Prayer", 11, 22, Weekday::Wed).years(Some(1981), Some(1994)),
        fixed("Christmas Day", 12, 25),
        fixed("Second Day of Christmas", 12, 26),
    ]
}

/// Finland: the official holidays (Sundays among them only when a named holiday falls
/// there), May Day, Independence Day and the de facto holidays Midsummer Eve and
/// Christmas Eve.
fn fi() -> Vec<RecurringRule> {
    vec![
        fixed("New Year's Day", 1, 1),
        // 1973-1990 on the Saturday between 6 and 12 January.
        fixed("Epiphany", 1, 6).years(None, Some(1972)),
        on_or_after("Epiphany", 1, 6, Weekday::Sat).years(Some(1973), Some(1990)),
        fixed("Epiphany", 1, 6).years(Some(1991), None),
        easter("Good Friday", -2),
        easter("Easter Sunday", 0),
        easter("Easter Monday", 1),
        fixed("May Day", 5, 1),
        // 1973-1990 on the Saturday before the traditional Thursday.
        easter("Ascension Day", 39).years(None, Some(1972)),
        easter("Ascension Day", 34).years(Some(1973), Some(1990)),
        easter("Ascension Day", 39).years(Some(1991), None),
        easter("Whit Sunday", 49),
        on_or_after("Midsummer Eve", 6, 19, Weekday::Fri),
        on_or_after("Midsummer Day", 6, 20, Weekday::Sat),
        on_or_after("All Saints' Day", 10, 31, Weekday::Sat),
        fixed("Independence Day", 12, 6),
        fixed("Christmas Eve", 12, 24),
        fixed("Christmas Day", 12, 25),
        fixed("St Stephen's Day", 12, 26),
    ]
}

/// France (metropolitan): the eleven jours fériés of the Code du travail (art. L3133-1).
/// Alsace-Moselle's Good Friday and 26 December and overseas holidays are left out.
fn fr() -> Vec<RecurringRule> {
    vec![
        fixed("New Year's Day", 1, 1),
        easter("Easter Monday", 1),
        fixed("Labour Day", 5, 1),
        // Not a holiday 1960-1981; restored by loi n° 81-893 of 2 October 1981.
        fixed("Victory in Europe Day", 5, 8).years(Some(1982), None),
        easter("Ascension Day", 39),
        // 2005-2007 the default "journée de solidarité" (loi n° 2004-626): a working day.
        easter("Whit Monday", 50).years(None, Some(2004)),
        easter("Whit Monday", 50).years(Some(2008), None),
        fixed("Bastille Day", 7, 14),
        fixed("Assumption of Mary", 8, 15),
        fixed("All Saints' Day", 11, 1),
        fixed("Armistice Day", 11, 11),
        fixed("Christmas Day", 12, 25),
    ]
}

/// Poland: the days off work of the act of 18 January 1951 (as amended), Sundays among
/// them only when a named holiday falls there.
fn pl() -> Vec<RecurringRule> {
    vec![
        fixed("New Year's Day", 1, 1),
        // Abolished 1960, restored from 2011 (act of 24 September 2010).
        fixed("Epiphany", 1, 6).years(Some(2011), None),
        easter("Easter Sunday", 0),
        easter("Easter Monday", 1),
        fixed("State Holiday (Labour Day)", 5, 1),
        // Restored by the act of 6 April 1990.
        fixed("Constitution Day", 5, 3).years(Some(1990), None),
        easter("Pentecost Sunday", 49),
        easter("Corpus Christi", 60),
        // Abolished by the act of 6 April 1990.
        fixed("National Day of the Rebirth of Poland", 7, 22).years(None, Some(1989)),
        // Restored by the act of 17 May 1989 (State and Catholic Church).
        fixed("Assumption of Mary", 8, 15).years(Some(1989), None),
        fixed("All Saints' Day", 11, 1),
        // Restored by the act of 15 February 1989.
        fixed("National Independence Day", 11, 11).years(Some(1989), None),
        // Act of 25 October 2018: the centenary of independence, one year only.
        fixed("National Independence Day (centenary)", 11, 12).years(Some(2018), Some(2018)),
        // Act of 6 December 2024.
        fixed("Christmas Eve", 12, 24).years(Some(2025), None),
        fixed("Christmas Day", 12, 25),
        fixed("Second Day of Christmas", 12, 26),
    ]
}

/// Sweden: the public holidays of the act on public holidays (1989:253; before 1990
/// 1952:48), Sundays among them only when a named holiday falls there, and the days the
/// Annual Leave Act (1977:480, s. 7) equates with Sundays: Midsummer Eve, Christmas Eve
/// and New Year's Eve.
fn se() -> Vec<RecurringRule> {
    let mut rules = vec![
        fixed("New Year's Day", 1, 1),
        fixed("Epiphany", 1, 6),
        easter("Good Friday", -2),
        easter("Easter Sunday", 0),
        easter("Easter Monday", 1),
        fixed("May Day", 5, 1),
        easter("Ascension Day", 39),
        // Amendment of act 1989:253: National Day replaces Whit Monday from 2005.
        fixed("National Day", 6, 6).years(Some(2005), None),
        easter("Whit Sunday", 49),
        easter("Whit Monday", 50).years(None, Some(2004)),
        on_or_after("Midsummer Eve", 6, 19, Weekday::Fri),
        on_or_after("Midsummer Day", 6, 20, Weekday::Sat),
        on_or_after("All Saints' Day", 10, 31, Weekday::Sat),
        fixed("Christmas Eve", 12, 24),
        fixed("Christmas Day", 12, 25),
        fixed("Second Day of Christmas", 12, 26),
        fixed("New Year's Eve", 12, 31),
    ];
    // Feast of the Annunciation (act 1952:48, abolished from 1990): the Sunday between
    // 22 and 28 March, or the Sunday before Palm Sunday when that Sunday is Palm Sunday or
    // Easter Sunday. The rule model has no such condition, so it is one rule per year.
    for year in 1953..=1989 {
        if let Some(d) = annunciation_se(year) {
            let (_, m, day) = d.ymd();
            rules.push(fixed("Feast of the Annunciation", m, day).years(Some(year), Some(year)));
        }
    }
    rules
}

/// The Swedish Feast of the Annunciation under act 1952:48.
fn annunciation_se(year: i32) -> Option<crate::civil::Date> {
    let sunday = RuleDate::WeekdayOnOrAfter { month: 3, day: 22, weekday: Weekday::Sun }.in_year(year)?;
    let easter = easter_sunday(year)?;
    if sunday == easter || sunday == easter.add_days(-7) {
        Some(easter.add_days(-14))
    } else {
        Some(sunday)
    }
}

/// United States: the legal public holidays of 5 U.S.C. 6103(a), observed per 6103(b)
/// (Saturday -> Friday before, Sunday -> Monday after). Inauguration Day (Washington,
/// D.C. area only) and one-off closings by executive order are left out.
fn us() -> Vec<RecurringRule> {
    let obs = Observed::NearestWeekday;
    vec![
        fixed("New Year's Day", 1, 1).observed(obs),
        nth("Birthday of Martin Luther King, Jr.", 1, Weekday::Mon, 3).years(Some(1986), None),
        // Uniform Monday Holiday Act (Pub. L. 90-363), in force from 1971.
        fixed("Washington's Birthday", 2, 22).observed(obs).years(None, Some(1970)),
        nth("Washington's Birthday", 2, Weekday::Mon, 3).years(Some(1971), None),
        fixed("Memorial Day", 5, 30).observed(obs).years(None, Some(1970)),
        nth("Memorial Day", 5, Weekday::Mon, -1).years(Some(1971), None),
        fixed("Juneteenth National Independence Day", 6, 19).observed(obs).years(Some(2021), None),
        fixed("Independence Day", 7, 4).observed(obs),
        nth("Labor Day", 9, Weekday::Mon, 1),
        // A legal public holiday only from 1971 (Pub. L. 90-363).
        nth("Columbus Day", 10, Weekday::Mon, 2).years(Some(1971), None),
        fixed("Veterans Day", 11, 11).observed(obs).years(None, Some(1970)),
        nth("Veterans Day", 10, Weekday::Mon, 4).years(Some(1971), Some(1977)),
        // Back to 11 November from 1978 (Pub. L. 94-97).
        fixed("Veterans Day", 11, 11).observed(obs).years(Some(1978), None),
        nth("Thanksgiving Day", 11, Weekday::Thu, 4),
        fixed("Christmas Day", 12, 25).observed(obs),
    ]
}
