//! A calendar day, just what claims and articles need: parse `YYYY-MM-DD`, weekdays and
//! day arithmetic (proleptic Gregorian, days from civil per H. Hinnant's algorithm).

use std::fmt;

/// A day of the proleptic Gregorian calendar: what `published:`, `date:` claims and an
/// article's dateline name. Always valid (built by [`Date::new`] or [`Date::parse_iso`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, e.g. 2025.
    pub year: i32,
    /// 1 = January … 12 = December.
    pub month: u8,
    /// The day of the month, from 1.
    pub day: u8,
}

/// Month names, lowercase, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Weekday names, lowercase, Monday first (as [`Date::weekday`] counts).
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

impl Date {
    /// The day `year-month-day`, or `None` when there is no such day (31 April).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, the only form claim files use.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
        };
        Date::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)
    }

    fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The day `n` days later (earlier when `n` is negative).
    pub(crate) fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub(crate) fn days_to(self, later: Date) -> i64 {
        later.days() - self.days()
    }

    /// The Monday of this day's week (weeks run Monday to Sunday).
    pub(crate) fn monday(self) -> Date {
        self.add_days(-(self.weekday() as i64))
    }

    /// The last day of this day's month.
    pub(crate) fn month_end(self) -> Date {
        Date {
            day: days_in_month(self.year, self.month),
            ..self
        }
    }

    /// 0 = Monday … 6 = Sunday.
    pub(crate) fn weekday(self) -> usize {
        (self.days() + 3).rem_euclid(7) as usize
    }

    /// "Wednesday".
    pub(crate) fn weekday_title(self) -> String {
        title(WEEKDAYS[self.weekday()])
    }
}

/// How a numeric date (`3/4/2025`) is read: the claim file's `date-order`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// Day first: `3/4/2025` is 3 April.
    #[default]
    Dmy,
    /// Month first: `3/4/2025` is 4 March.
    Mdy,
}

impl DateOrder {
    /// The values a claim file may write.
    pub(crate) const NAMES: &'static [&'static str] = &["dmy", "mdy"];

    /// Reads a `date-order:` value (one of [`DateOrder::NAMES`]).
    pub(crate) fn parse(s: &str) -> Option<DateOrder> {
        match s {
            "dmy" => Some(DateOrder::Dmy),
            "mdy" => Some(DateOrder::Mdy),
            _ => None,
        }
    }

    /// (day, month) of a numeric date's first two fields.
    pub(crate) fn day_month(self, first: u8, second: u8) -> (u8, u8) {
        match self {
            DateOrder::Dmy => (first, second),
            DateOrder::Mdy => (second, first),
        }
    }

    /// "day-month", for notes.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            DateOrder::Dmy => "day-month",
            DateOrder::Mdy => "month-day",
        }
    }
}

/// "wednesday" -> "Wednesday".
pub(crate) fn title(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// 28 to 31: `month` (1 to 12) of `year`, leap years counted.
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_of_the_seed_week() {
        let d = Date::parse_iso("2025-03-11").unwrap();
        assert_eq!(WEEKDAYS[d.weekday()], "tuesday");
        assert_eq!(d.add_days(1).to_string(), "2025-03-12");
        assert_eq!(WEEKDAYS[d.add_days(4).weekday()], "saturday");
        assert_eq!(
            Date::parse_iso("2024-02-29").unwrap().add_days(1).to_string(),
            "2024-03-01"
        );
    }

    #[test]
    fn weeks_months_and_distances() {
        let d = Date::parse_iso("2025-03-13").unwrap();
        assert_eq!(d.monday().to_string(), "2025-03-10");
        assert_eq!(d.month_end().to_string(), "2025-03-31");
        assert_eq!(Date::parse_iso("2024-02-10").unwrap().month_end().day, 29);
        assert_eq!(d.days_to(Date::parse_iso("2025-03-11").unwrap()), -2);
        assert_eq!(DateOrder::Mdy.day_month(3, 4), (4, 3));
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(Date::parse_iso("2025-02-29"), None);
        assert_eq!(Date::parse_iso("2025-3-11"), None);
        assert_eq!(Date::parse_iso("11 March 2025"), None);
    }
}
