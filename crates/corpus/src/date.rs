//! Calendar dates as policy pages write them, including the broken ones scraping leaves behind.

use std::fmt;

/// A calendar date. Ordering is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Four-digit year.
    pub year: u16,
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let ok =
            (1900..=2200).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days[month as usize - 1];
        ok.then_some(Date { year: year as u16, month: month as u8, day: day as u8 })
    }

    /// Parses `YYYY-MM-DD` (the manifest's and the CLI's form).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The last day of `year`.
    pub fn end_of_year(year: u32) -> Option<Date> {
        Date::new(year, 12, 31)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Finds the first date in `s` (already width-folded) and returns it with its byte range.
///
/// Understands `2020-06-01`, `2018/8/2`, `2024年10月24日`, and the forms a scrape leaves when it
/// drops 月/日: `2019年96` (9月6日), `2019年106日` (10月6日), `2018730` (7月30日). A broken date
/// is read only when one split of its digits is a valid month and day without a leading zero
/// (Chinese dates are not zero-padded); `2018111` (1月11日 or 11月1日) stays unread.
pub fn find_date(s: &str) -> Option<(Date, std::ops::Range<usize>)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()) {
            if let Some((date, end)) = date_at(s, i) {
                return Some((date, i..end));
            }
        }
        i += 1;
    }
    None
}

fn digits(s: &str, at: usize) -> &str {
    let end = s[at..].find(|c: char| !c.is_ascii_digit()).map_or(s.len(), |n| at + n);
    &s[at..end]
}

fn date_at(s: &str, at: usize) -> Option<(Date, usize)> {
    let run = digits(s, at);
    if run.len() == 4 {
        let year: u32 = run.parse().ok()?;
        let mut pos = at + 4;
        let rest = &s[pos..];
        // 2020-06-01, 2018/8/2, 2018.8.2
        for sep in ['-', '/', '.'] {
            if let Some(after) = rest.strip_prefix(sep) {
                let m = digits(after, 0);
                let after_m = &after[m.len()..];
                if let Some(after_sep) = after_m.strip_prefix(sep) {
                    let d = digits(after_sep, 0);
                    if !m.is_empty() && !d.is_empty() {
                        let end = pos + 1 + m.len() + 1 + d.len();
                        return Some((Date::new(year, m.parse().ok()?, d.parse().ok()?)?, end));
                    }
                }
            }
        }
        // 2024年10月24日, 2019年96, 2019年106日
        if let Some(after) = rest.strip_prefix('年') {
            pos += '年'.len_utf8();
            let m = digits(after, 0);
            let after_m = &after[m.len()..];
            if let Some(after_yue) = after_m.strip_prefix('月') {
                let d = digits(after_yue, 0);
                let mut end = pos + m.len() + '月'.len_utf8() + d.len();
                if after_yue[d.len()..].starts_with('日') {
                    end += '日'.len_utf8();
                }
                return Some((Date::new(year, m.parse().ok()?, d.parse().ok()?)?, end));
            }
            let mut end = pos + m.len();
            if after_m.starts_with('日') {
                end += '日'.len_utf8();
            }
            return Some((split_month_day(year, m)?, end));
        }
        return None;
    }
    // 2018730: a year with its 年/月/日 dropped.
    if (6..=8).contains(&run.len()) {
        let year: u32 = run[..4].parse().ok()?;
        return Some((split_month_day(year, &run[4..])?, at + run.len()));
    }
    None
}

/// Reads month and day run together (`96`, `106`, `730`, `1224`), if exactly one reading works.
fn split_month_day(year: u32, md: &str) -> Option<Date> {
    let mut found = None;
    for cut in 1..md.len() {
        let (m, d) = md.split_at(cut);
        if m.starts_with('0') || d.starts_with('0') || d.len() > 2 || m.len() > 2 {
            continue;
        }
        if let Some(date) = Date::new(year, m.parse().ok()?, d.parse().ok()?) {
            if found.is_some() {
                return None;
            }
            found = Some(date);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<String> {
        find_date(s).map(|(d, _)| d.to_string())
    }

    #[test]
    fn reads_whole_dates() {
        assert_eq!(date("发布时间:2020-06-01 浏览量"), Some("2020-06-01".into()));
        assert_eq!(date("发布日期 2018/8/2"), Some("2018-08-02".into()));
        assert_eq!(date("日期:2024/11/26 17:27:19"), Some("2024-11-26".into()));
        assert_eq!(date("本意见自2024年11月25日施行"), Some("2024-11-25".into()));
    }

    #[test]
    fn reads_dates_with_dropped_characters() {
        assert_eq!(date("2019年96"), Some("2019-09-06".into()));
        assert_eq!(date("自2019年106日起施行"), Some("2019-10-06".into()));
        assert_eq!(date("2018730"), Some("2018-07-30".into()));
    }

    #[test]
    fn leaves_ambiguous_or_impossible_dates_unread() {
        assert_eq!(date("2018111"), None, "1月11日 or 11月1日");
        assert_eq!(date("2019年1399"), None);
        assert_eq!(date("市级以上众创空间180家"), None);
        assert_eq!(date("2023年"), None);
        assert_eq!(date("2018-02-30"), None);
    }

    #[test]
    fn parses_iso() {
        assert_eq!(Date::parse_iso("2026-11-23").unwrap().to_string(), "2026-11-23");
        assert!(Date::parse_iso("2026-13-01").is_none());
        assert!(Date::parse_iso("26-1-1").is_none());
    }
}
