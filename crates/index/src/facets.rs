//! The facets section: what filters and their counts need, as codes and tables — issuers and
//! responsible units named once each, every document's dates as numbers, every clause's units
//! as codes. Validity is not stored but computed from the dates on the day of the search
//! ([`Validity::at`]), unless the corpus manifest states it.
//!
//! ```text
//! a table of seven records:
//!   issuers   table of strings: one issuing body per entry
//!   units     table of string lists: a unit's name, then the other names the corpus gives it
//!   docs      table, per document: published | effective | expires (varint Day, 0 = none)
//!             | stated validity (varint: 0 = computed, else 1 + Validity as u8)
//!             | issuer count varint | issuer codes varint…
//!             | kind (varint: 0 = none, else 1 + kind code) | 机关代字 (the same, a code)
//!             | 主题分类 (the same, a code)
//!   clauses   per clause in clause order: unit count varint | unit codes varint…
//!   kinds     table of strings: the kinds of document (公文种类) the corpus's titles end in
//!   codes     table of strings: the issuer codes (机关代字) of the corpus's 文号, folded
//!   topics    table of strings: the subject categories (主题分类) the documents state
//! ```
//!
//! The kind and the 机关代字 are the build's (the corpus's title rules and the 文号 grammar, see
//! `policy_search_normalize::doctype` and `docnumber`): query code reads codes and names only.

use std::cell::OnceCell;

use crate::bytes::{Reader, Table};

/// A calendar day as the number `YYYYMMDD`, so that days compare as numbers do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub u32);

impl Day {
    /// Reads `YYYY-MM-DD` (a valid month and day of that month), or `None`.
    pub fn parse(s: &str) -> Option<Day> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| {
            s.get(r)?.bytes().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        (y >= 1 && (1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d))
            .then_some(Day(y * 10_000 + m * 100 + d))
    }

    /// The day `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_unix_days(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Day((y.clamp(1, 9999) * 10_000 + m * 100 + d) as u32)
    }

    /// Today in China (UTC+8), where the documents' dates are: a document expiring on a day
    /// is in force until that day ends in Beijing, wherever its reader is.
    pub fn china_today(unix_ms: f64) -> Day {
        Day::from_unix_days(((unix_ms + 8.0 * 3_600_000.0) / 86_400_000.0).floor() as i64)
    }

    /// The year.
    pub fn year(self) -> u32 {
        self.0 / 10_000
    }
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0 / 10_000, self.0 / 100 % 100, self.0 % 100)
    }
}

/// Whether a document is in force on a given day. The order is the order facets list them in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Validity {
    /// 现行有效: took effect on or before the day and has not expired.
    Current,
    /// 已修改: in force, but a newer wording amends it. Only ever stated (by the manifest or
    /// the source); the dates alone cannot tell it.
    Amended,
    /// 尚未生效: takes effect after the day.
    Pending,
    /// 已失效: its last day in force was before the day.
    Expired,
    /// 效力未知: the document states no date it takes effect.
    Unknown,
}

impl Validity {
    /// Every value, in facet order.
    pub const ALL: [Validity; 5] =
        [Validity::Current, Validity::Amended, Validity::Pending, Validity::Expired, Validity::Unknown];

    /// On `today`, for a document in force from `effective` through `expires` (its last day).
    pub fn at(effective: Option<Day>, expires: Option<Day>, today: Day) -> Validity {
        match (effective, expires) {
            (_, Some(end)) if end < today => Validity::Expired,
            (Some(start), _) if start > today => Validity::Pending,
            (Some(_), _) => Validity::Current,
            (None, _) => Validity::Unknown,
        }
    }

    /// The code filters, URLs and JSON use.
    pub fn code(self) -> &'static str {
        match self {
            Validity::Current => "current",
            Validity::Amended => "amended",
            Validity::Pending => "pending",
            Validity::Expired => "expired",
            Validity::Unknown => "unknown",
        }
    }

    /// The label a Chinese reader knows.
    pub fn label(self) -> &'static str {
        match self {
            Validity::Current => "现行有效",
            Validity::Amended => "已修改",
            Validity::Pending => "尚未生效",
            Validity::Expired => "已失效",
            Validity::Unknown => "效力未知",
        }
    }

    /// The value with this code or label (as a manifest or a command line writes it).
    pub fn from_name(name: &str) -> Option<Validity> {
        Validity::ALL
            .into_iter()
            .find(|v| v.code() == name || v.label() == name || (name == "未知" && *v == Validity::Unknown))
    }

    fn from_u8(n: u64) -> Option<Validity> {
        Validity::ALL.get(usize::try_from(n).ok()?).copied()
    }
}

/// One document's facts for filtering.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocFacts {
    /// Date of issue.
    pub published: Option<Day>,
    /// Date it takes effect.
    pub effective: Option<Day>,
    /// Last day in force.
    pub expires: Option<Day>,
    /// Validity as the manifest states it, overriding the dates.
    pub stated: Option<Validity>,
    /// Issuing bodies, as codes into [`Facets::issuer`].
    pub issuers: Vec<u32>,
    /// Its kind (公文种类), as a code into [`Facets::kind`].
    pub kind: Option<u32>,
    /// Its 文号's issuer code (机关代字), as a code into [`Facets::code`].
    pub code: Option<u32>,
    /// Its subject category (主题分类), as a code into [`Facets::topic`].
    pub topic: Option<u32>,
}

impl DocFacts {
    /// Validity on `today`.
    pub fn validity(&self, today: Day) -> Validity {
        self.stated.unwrap_or_else(|| Validity::at(self.effective, self.expires, today))
    }
}

/// The facets section, opened.
#[derive(Clone, Debug)]
pub struct Facets<'a> {
    issuers: Table<'a>,
    units: Table<'a>,
    kinds: Table<'a>,
    codes: Table<'a>,
    topics: Table<'a>,
    docs: Vec<DocFacts>,
    clause_bytes: &'a [u8],
    clause_count: u32,
    /// Per clause, where its codes start in `codes`, then the end: decoded on first use.
    clause_units: OnceCell<(Vec<u32>, Vec<u32>)>,
}

impl<'a> Facets<'a> {
    /// Opens the section of an index with `docs` documents and `clauses` clauses.
    pub fn new(bytes: &'a [u8], docs: u32, clauses: u32) -> Option<Facets<'a>> {
        let outer = Table::new(bytes)?;
        let (issuers, units) = (Table::new(outer.get(0)?)?, Table::new(outer.get(1)?)?);
        let (kinds, codes) = (Table::new(outer.get(4)?)?, Table::new(outer.get(5)?)?);
        let topics = Table::new(outer.get(6)?)?;
        let doc_table = Table::new(outer.get(2)?)?;
        if doc_table.len() != docs as usize {
            return None;
        }
        let docs = (0..doc_table.len())
            .map(|i| {
                let mut r = Reader::new(doc_table.get(i)?);
                let mut day = || r.varint().map(|d| (d > 0).then_some(Day(d as u32)));
                let (published, effective, expires) = (day()?, day()?, day()?);
                let stated = match r.varint()? {
                    0 => None,
                    n => Some(Validity::from_u8(n - 1)?),
                };
                let n = r.varint()?;
                let issuers =
                    (0..n).map(|_| r.u32().filter(|&c| (c as usize) < issuers.len())).collect::<Option<_>>()?;
                let mut code_in = |table: &Table| match r.u32()? {
                    0 => Some(None),
                    c => Some(Some(c - 1).filter(|&c| (c as usize) < table.len())),
                };
                let (kind, code, topic) = (code_in(&kinds)?, code_in(&codes)?, code_in(&topics)?);
                Some(DocFacts { published, effective, expires, stated, issuers, kind, code, topic })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Facets {
            issuers,
            units,
            kinds,
            codes,
            topics,
            docs,
            clause_bytes: outer.get(3)?,
            clause_count: clauses,
            clause_units: OnceCell::new(),
        })
    }

    /// Document `i`'s facts.
    pub fn doc(&self, i: u32) -> Option<&DocFacts> {
        self.docs.get(i as usize)
    }

    /// Number of distinct issuers.
    pub fn issuer_count(&self) -> u32 {
        self.issuers.len() as u32
    }

    /// Issuer `code`'s name.
    pub fn issuer(&self, code: u32) -> Option<&'a str> {
        name_in(&self.issuers, code)
    }

    /// Number of kinds of document (公文种类) the corpus has.
    pub fn kind_count(&self) -> u32 {
        self.kinds.len() as u32
    }

    /// Kind `code`'s name (`通知`, `意见`, `法`…).
    pub fn kind(&self, code: u32) -> Option<&'a str> {
        name_in(&self.kinds, code)
    }

    /// Number of distinct issuer codes (机关代字).
    pub fn code_count(&self) -> u32 {
        self.codes.len() as u32
    }

    /// 机关代字 `code` (`国办发`, `杭政`).
    pub fn code(&self, code: u32) -> Option<&'a str> {
        name_in(&self.codes, code)
    }

    /// Number of distinct subject categories (主题分类).
    pub fn topic_count(&self) -> u32 {
        self.topics.len() as u32
    }

    /// 主题分类 `code`, as the documents state it.
    pub fn topic(&self, code: u32) -> Option<&'a str> {
        name_in(&self.topics, code)
    }

    /// Number of distinct responsible units.
    pub fn unit_count(&self) -> u32 {
        self.units.len() as u32
    }

    /// Unit `code`'s names: the one to show first, then the others the corpus gives it.
    pub fn unit_names(&self, code: u32) -> Vec<&'a str> {
        self.units.get(code as usize).and_then(|b| Reader::new(b).strs()).unwrap_or_default()
    }

    /// The units clause `i` names, as codes (empty for a clause out of range or a malformed
    /// section, which then filters as naming none).
    pub fn clause_units(&self, i: u32) -> &[u32] {
        let (starts, codes) = self.clause_units.get_or_init(|| self.decode().unwrap_or_default());
        match (starts.get(i as usize), starts.get(i as usize + 1)) {
            (Some(&a), Some(&b)) => &codes[a as usize..b as usize],
            _ => &[],
        }
    }

    fn decode(&self) -> Option<(Vec<u32>, Vec<u32>)> {
        let mut r = Reader::new(self.clause_bytes);
        let (mut starts, mut codes) = (vec![0], Vec::new());
        for _ in 0..self.clause_count {
            for _ in 0..r.varint()? {
                codes.push(r.u32().filter(|&c| c < self.unit_count())?);
            }
            starts.push(codes.len() as u32);
        }
        Some((starts, codes))
    }
}

/// Entry `code` of a table of names.
fn name_in<'a>(table: &Table<'a>, code: u32) -> Option<&'a str> {
    Reader::new(table.get(code as usize)?).str()
}

/// What the build knows for the facets section.
#[cfg(feature = "write")]
pub struct FacetsInput {
    /// Responsible units: each unit's names, the one to show first.
    pub units: Vec<Vec<String>>,
    /// Per clause (in clause order), the codes of the units it names.
    pub clause_units: Vec<Vec<u32>>,
    /// Per document, the validity the manifest states.
    pub stated: Vec<Option<Validity>>,
    /// Per document, its kind (公文种类), if its title ends in one.
    pub kinds: Vec<Option<String>>,
    /// Per document, its 文号's issuer code (机关代字), if it has one.
    pub codes: Vec<Option<String>>,
    /// Per document, its subject category (主题分类), if it states one.
    pub topics: Vec<Option<String>>,
}

/// Writes the section; issuers are coded here, from the documents' own lists.
#[cfg(feature = "write")]
pub fn write<'d>(docs: &[crate::DocView<'d>], input: &FacetsInput) -> Vec<u8> {
    use crate::bytes::{put_strs, put_table, put_varint};
    let mut issuers: Vec<&str> = Vec::new();
    let mut code_of = |name: &'d str| match issuers.iter().position(|i| *i == name) {
        Some(c) => c as u64,
        None => {
            issuers.push(name);
            (issuers.len() - 1) as u64
        }
    };
    let day = |s: Option<&str>| s.and_then(Day::parse).map_or(0, |d| u64::from(d.0));
    // Kinds and 机关代字 named once each, in order of first use; 0 is none, 1 + n the n-th.
    let table = |per_doc: &[Option<String>]| -> (Vec<u64>, Vec<Vec<u8>>) {
        let mut names: Vec<&str> = Vec::new();
        let codes = per_doc
            .iter()
            .map(|name| {
                let Some(name) = name.as_deref() else { return 0 };
                let at = names.iter().position(|n| *n == name).unwrap_or_else(|| {
                    names.push(name);
                    names.len() - 1
                });
                at as u64 + 1
            })
            .collect();
        (codes, str_records(&names))
    };
    let (kind_codes, kind_records) = table(&input.kinds);
    let (code_codes, code_records) = table(&input.codes);
    let (topic_codes, topic_records) = table(&input.topics);
    let doc_records: Vec<Vec<u8>> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut out = Vec::new();
            for s in [d.published, d.effective, d.expires] {
                put_varint(&mut out, day(s));
            }
            let stated = input.stated.get(i).copied().flatten();
            put_varint(&mut out, stated.map_or(0, |v| v as u64 + 1));
            put_varint(&mut out, d.issuer.len() as u64);
            for name in &d.issuer {
                put_varint(&mut out, code_of(name));
            }
            put_varint(&mut out, kind_codes.get(i).copied().unwrap_or(0));
            put_varint(&mut out, code_codes.get(i).copied().unwrap_or(0));
            put_varint(&mut out, topic_codes.get(i).copied().unwrap_or(0));
            out
        })
        .collect();
    let issuer_records = str_records(&issuers);
    let unit_records: Vec<Vec<u8>> = input
        .units
        .iter()
        .map(|names| {
            let mut out = Vec::new();
            put_strs(&mut out, &names.iter().map(String::as_str).collect::<Vec<_>>());
            out
        })
        .collect();
    let mut clauses = Vec::new();
    for codes in &input.clause_units {
        put_varint(&mut clauses, codes.len() as u64);
        for &c in codes {
            put_varint(&mut clauses, u64::from(c));
        }
    }
    put_table(&[
        put_table(&issuer_records),
        put_table(&unit_records),
        put_table(&doc_records),
        clauses,
        put_table(&kind_records),
        put_table(&code_records),
        put_table(&topic_records),
    ])
}

/// One record per name: a table of strings.
#[cfg(feature = "write")]
fn str_records(names: &[&str]) -> Vec<Vec<u8>> {
    names
        .iter()
        .map(|s| {
            let mut out = Vec::new();
            crate::bytes::put_str(&mut out, s);
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Day> {
        Day::parse(s)
    }

    #[test]
    fn days_read_and_print_as_iso_dates() {
        assert_eq!(d("2024-02-29"), Some(Day(20240229)));
        assert_eq!(d("2023-02-29"), None);
        assert_eq!(d("2024-13-01"), None);
        assert_eq!(d("2024-1-01"), None);
        assert_eq!(Day(20240229).to_string(), "2024-02-29");
        assert_eq!(Day::from_unix_days(0), Day(19700101));
        assert_eq!(Day::from_unix_days(20_415), Day(20251123));
        assert_eq!(Day::from_unix_days(-1), Day(19691231));
    }

    #[test]
    fn china_today_turns_at_midnight_in_beijing() {
        // 2026-11-22T16:00:00Z is midnight of the 23rd in Beijing.
        let midnight = 1_795_363_200_000.0;
        assert_eq!(Day::china_today(midnight - 1.0), Day(20261122));
        assert_eq!(Day::china_today(midnight), Day(20261123));
    }

    #[test]
    fn validity_follows_the_dates_on_the_day() {
        let today = Day(20261123);
        assert_eq!(Validity::at(d("2019-10-06"), None, today), Validity::Current);
        assert_eq!(Validity::at(d("2026-11-23"), None, today), Validity::Current);
        assert_eq!(Validity::at(d("2026-11-24"), None, today), Validity::Pending);
        assert_eq!(Validity::at(d("2021-01-01"), d("2026-11-22"), today), Validity::Expired, "expired yesterday");
        assert_eq!(Validity::at(d("2021-01-01"), d("2026-11-23"), today), Validity::Current, "its last day");
        assert_eq!(Validity::at(None, d("2020-01-01"), today), Validity::Expired);
        assert_eq!(Validity::at(None, None, today), Validity::Unknown);
        let stated = DocFacts { stated: Some(Validity::Expired), effective: d("2019-01-01"), ..DocFacts::default() };
        assert_eq!(stated.validity(today), Validity::Expired);
    }

    #[test]
    fn names_and_codes_read_back() {
        for v in Validity::ALL {
            assert_eq!(Validity::from_name(v.code()), Some(v));
            assert_eq!(Validity::from_name(v.label()), Some(v));
        }
        assert_eq!(Validity::from_name("未知"), Some(Validity::Unknown));
        assert_eq!(Validity::from_name("valid"), None);
    }
}
