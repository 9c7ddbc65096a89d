//! Filters, their counts, and the day validity is judged on.
//!
//! A filter narrows hits by facts of their document (which document, its issuer, its year of
//! publication or a range of days it was published in (`from`, `to`: no facet, a filter only), its validity on the day of the search, its kind — 公文种类, which the build reads
//! from its title by the corpus's own title rules — its 文号's issuer code, 机关代字, and the
//! subject category, 主题分类, the manifest or the page states) and of
//! the clause itself (the responsible units it names). Values of one facet are OR, facets are AND. A facet's counts
//! are those of the hits that pass every *other* facet's filter (the usual disjunctive
//! counts: ticking a second issuer must not make the first one's count drop to what is
//! selected already).
//!
//! Filter values are names, not codes (`issuer=杭州市人民政府`, `status=current`), so that a
//! shared link outlives a rebuild; a value the index does not hold matches nothing and is
//! still listed, with its count of 0, so that it can be removed.

pub use policy_search_index::facets::{Day, Validity};
use policy_search_sort as sort;
use serde::Serialize;

use crate::{embedded::SHARDS, reader::Reader};
use policy_search_index::Index;

/// Facet names, in the order a search lists its [`Facet`]s.
pub const FACETS: [&str; N] = ["doc", "issuer", "year", "status", "unit", "type", "code", "topic"];
const N: usize = 8;
const DOC: usize = 0;
const ISSUER: usize = 1;
const YEAR: usize = 2;
const STATUS: usize = 3;
const UNIT: usize = 4;
const TYPE: usize = 5;
const CODE: usize = 6;
const TOPIC: usize = 7;
/// A document without a kind, a 机关代字 or a 主题分类.
const NONE: u32 = u32::MAX;
/// The bit of a document published outside the date range asked for (no facet lists it).
const RANGE: usize = 8;

/// The values to keep, per facet (empty = no filter on it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Filters {
    /// Document ids (file stems).
    pub doc: Vec<String>,
    /// Issuing bodies, by name.
    pub issuer: Vec<String>,
    /// Years of publication (`2021`).
    pub year: Vec<String>,
    /// Validity, by code (`current`, `pending`, `expired`, `unknown`) or label (`现行有效`).
    pub status: Vec<String>,
    /// Responsible units, by any name the corpus gives them.
    pub unit: Vec<String>,
    /// Kinds of document (公文种类: `通知`, `意见`, `法`…).
    #[serde(rename = "type")]
    pub kind: Vec<String>,
    /// Issuer codes of the 文号 (机关代字: `国办发`, `杭政`).
    pub code: Vec<String>,
    /// Subject categories (主题分类), as the documents state them.
    pub topic: Vec<String>,
    /// Published on or after this day (a document without a date of issue is then left out).
    #[serde(skip)]
    pub from: Option<Day>,
    /// Published on or before this day (the same).
    #[serde(skip)]
    pub to: Option<Day>,
}

impl Filters {
    /// The values of facet `name` ([`FACETS`]), or `None` for a name that is no facet.
    pub fn values_mut(&mut self, name: &str) -> Option<&mut Vec<String>> {
        Some(match name {
            "doc" => &mut self.doc,
            "issuer" => &mut self.issuer,
            "year" => &mut self.year,
            "status" => &mut self.status,
            "unit" => &mut self.unit,
            "type" => &mut self.kind,
            "code" => &mut self.code,
            "topic" => &mut self.topic,
            _ => return None,
        })
    }

    fn by_facet(&self) -> [&[String]; N] {
        [&self.doc, &self.issuer, &self.year, &self.status, &self.unit, &self.kind, &self.code, &self.topic]
    }

    /// Whether nothing is filtered (no facet, no date range).
    pub fn is_empty(&self) -> bool {
        self.by_facet().iter().all(|v| v.is_empty()) && self.from.is_none() && self.to.is_none()
    }
}

/// The order of hits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best first (documents, then exact hits, then related ones).
    #[default]
    Relevance,
    /// Newest document first within each of those groups; relevance breaks ties.
    Newest,
}

/// One facet with its values' counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Facet {
    /// One of [`FACETS`].
    pub name: &'static str,
    /// Its values that have hits, and those selected.
    pub values: Vec<FacetValue>,
}

/// One value of a facet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FacetValue {
    /// What a filter names it by.
    pub value: String,
    /// What a reader sees (a document's title, a unit's first name, a validity's label).
    pub label: String,
    /// Clause hits with this value that pass the other facets' filters.
    pub count: usize,
    /// Whether the filter selects it.
    pub selected: bool,
}

/// Sorts `keys` (`[key, position]`) and yields the positions in key order. Every reordering
/// of facets and of newest-first goes through this one `[u32; 2]` sort, which the engine has
/// for highlights already: each sort of another element type adds kilobytes to the wasm.
pub(crate) fn order(keys: &mut [[u32; 2]]) -> impl Iterator<Item = usize> + '_ {
    sort::sort(keys);
    keys.iter().map(|k| k[1] as usize)
}

/// A day as a key that sorts newest first (and a document without a date last).
pub(crate) fn newest_key(day: u32) -> u32 {
    99_999_999 - day.min(99_999_999)
}

/// Today in China (where the documents' dates are), from this machine's clock.
pub fn today() -> Day {
    #[cfg(target_arch = "wasm32")]
    let ms = js_sys::Date::now();
    #[cfg(not(target_arch = "wasm32"))]
    let ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_millis() as f64);
    Day::china_today(ms)
}

/// Filters resolved against one index: the codes each facet keeps, and each document's facts
/// on the day of the search.
pub(crate) struct Scope<'i> {
    /// Per facet, the codes kept (sorted), or `None` when it is not filtered.
    keep: [Option<Vec<u32>>; N],
    /// Per document: its date of issue (`YYYYMMDD`, 0 = none), its validity, its issuer codes
    /// (the index's), its kind, 机关代字 and 主题分类 codes (`NONE` when it has none).
    docs: Vec<(u32, Validity, &'i [u32], [u32; 3])>,
    /// The days of issue kept, first and last, when a range is asked for.
    range: Option<[u32; 2]>,
    /// Values asked for that the index does not hold, per facet.
    unknown: [Vec<String>; N],
}

impl<'i> Scope<'i> {
    pub(crate) fn new(reader: &'i Reader<'_>, filters: &Filters, today: Day) -> Scope<'i> {
        let index = reader.index();
        let facets = index.facets();
        let docs = (0..index.doc_count())
            .map(|d| match facets.doc(d) {
                Some(f) => (
                    f.published.map_or(0, |d| d.0),
                    f.validity(today),
                    f.issuers.as_slice(),
                    [f.kind.unwrap_or(NONE), f.code.unwrap_or(NONE), f.topic.unwrap_or(NONE)],
                ),
                None => (0, Validity::Unknown, &[][..], [NONE; 3]),
            })
            .collect();
        let fold = |s: &str| reader.fold(s);
        let mut keep: [Option<Vec<u32>>; N] = Default::default();
        let mut unknown: [Vec<String>; N] = Default::default();
        for (f, values) in filters.by_facet().into_iter().enumerate() {
            if values.is_empty() {
                continue;
            }
            let mut codes = Vec::new();
            for v in values {
                let before = codes.len();
                let v = v.trim();
                match f {
                    DOC => codes.extend((0..index.doc_count()).filter(|&d| index.doc(d).is_some_and(|x| x.doc == v))),
                    ISSUER => codes.extend(
                        (0..facets.issuer_count()).filter(|&c| facets.issuer(c).is_some_and(|n| fold(n) == fold(v))),
                    ),
                    YEAR => codes.extend(v.parse::<u32>().ok().filter(|&y| y > 0)),
                    STATUS => codes.extend(Validity::from_name(v).map(|s| s as u32)),
                    TYPE => codes.extend(
                        (0..facets.kind_count()).filter(|&c| facets.kind(c).is_some_and(|n| fold(n) == fold(v))),
                    ),
                    CODE => codes.extend(
                        (0..facets.code_count()).filter(|&c| facets.code(c).is_some_and(|n| fold(n) == fold(v))),
                    ),
                    TOPIC => codes.extend(
                        (0..facets.topic_count()).filter(|&c| facets.topic(c).is_some_and(|n| fold(n) == fold(v))),
                    ),
                    _ => codes.extend(
                        (0..facets.unit_count()).filter(|&c| facets.unit_names(c).iter().any(|n| fold(n) == fold(v))),
                    ),
                }
                if codes.len() == before {
                    unknown[f].push(v.to_string());
                }
            }
            sort::sort_u32(&mut codes);
            codes.dedup();
            keep[f] = Some(codes);
        }
        let range = (filters.from.is_some() || filters.to.is_some())
            .then(|| [filters.from.map_or(0, |d| d.0), filters.to.map_or(u32::MAX, |d| d.0)]);
        Scope { keep, docs, range, unknown }
    }

    /// Whether anything is filtered.
    pub(crate) fn is_active(&self) -> bool {
        self.keep.iter().any(Option::is_some) || self.range.is_some()
    }

    fn kept(&self, facet: usize, code: u32) -> bool {
        self.keep[facet].as_ref().is_none_or(|k| k.binary_search(&code).is_ok())
    }

    fn kept_any(&self, facet: usize, codes: &[u32]) -> bool {
        self.keep[facet].is_none() || codes.iter().any(|&c| self.kept(facet, c))
    }

    /// The facets document `d` fails, as bits (`1 << facet`), the unit facet aside.
    fn doc_misses(&self, d: u32) -> u16 {
        let Some((published, validity, issuers, [kind, code, topic])) = self.docs.get(d as usize) else {
            return !(1u16 << UNIT); // every facet of a document
        };
        let mut misses = 0;
        for (facet, ok) in [
            (DOC, self.kept(DOC, d)),
            (ISSUER, self.kept_any(ISSUER, issuers)),
            (YEAR, self.kept(YEAR, published / 10_000)),
            (STATUS, self.kept(STATUS, *validity as u32)),
            (TYPE, self.kept(TYPE, *kind)),
            (CODE, self.kept(CODE, *code)),
            (TOPIC, self.kept(TOPIC, *topic)),
            (RANGE, self.range.is_none_or(|[from, to]| *published > 0 && (from..=to).contains(published))),
        ] {
            if !ok {
                misses |= 1 << facet;
            }
        }
        misses
    }

    /// The facets clause `i` (of document `d`) fails, as bits.
    fn clause_misses(&self, index: &Index<'_, SHARDS>, d: u32, i: u32) -> u16 {
        let units = self.kept_any(UNIT, index.facets().clause_units(i));
        self.doc_misses(d) | if units { 0 } else { 1 << UNIT }
    }
}

/// Counts of the hits of one search, before the filters narrow them.
pub(crate) struct Counts<'s> {
    scope: &'s Scope<'s>,
    /// Per facet, counts by code (years by year).
    counts: [Vec<usize>; N],
}

impl<'s> Counts<'s> {
    pub(crate) fn new(index: &Index<'_, SHARDS>, scope: &'s Scope<'s>) -> Counts<'s> {
        let facets = index.facets();
        let years = scope.docs.iter().map(|d| (d.0 / 10_000) as usize + 1).max().unwrap_or(0);
        Counts {
            scope,
            counts: [
                vec![0; index.doc_count() as usize],
                vec![0; facets.issuer_count() as usize],
                vec![0; years],
                vec![0; Validity::ALL.len()],
                vec![0; facets.unit_count() as usize],
                vec![0; facets.kind_count() as usize],
                vec![0; facets.code_count() as usize],
                vec![0; facets.topic_count() as usize],
            ],
        }
    }

    /// Counts clause `i` (a hit before filtering); true when it passes every filter.
    pub(crate) fn add(&mut self, index: &Index<'_, SHARDS>, i: u32) -> bool {
        let Some(d) = index.clause_numbers(i).map(|n| n.doc) else { return false };
        let misses = self.scope.clause_misses(index, d, i);
        self.tally(d, misses, index.facets().clause_units(i))
    }

    /// Counts document `d` (a hit of a title or 文号 search), whose units are those its clauses
    /// name; true when it passes every filter ([`Scope::keeps_doc`]).
    pub(crate) fn add_doc(&mut self, reader: &Reader<'_>, d: u32) -> bool {
        let facets = reader.index().facets();
        let mut units: Vec<u32> = reader.clauses_of(d).flat_map(|i| facets.clause_units(i).iter().copied()).collect();
        sort::sort_u32(&mut units);
        units.dedup();
        let misses = self.scope.doc_misses(d) | if self.scope.kept_any(UNIT, &units) { 0 } else { 1 << UNIT };
        self.tally(d, misses, &units)
    }

    /// Counts a hit of document `d` with `units`, which fails the facets `misses` (bits).
    fn tally(&mut self, d: u32, misses: u16, units: &[u32]) -> bool {
        // A hit that fails two facets counts for none; one that fails one counts for that
        // facet's values only (what ticking one of them would add).
        if misses.count_ones() > 1 {
            return false;
        }
        let counts_for = |facet: usize| misses == 0 || misses == 1 << facet;
        let (published, validity, issuers, [kind, code, topic]) = &self.scope.docs[d as usize];
        let year = published / 10_000;
        let mut bump = |facet: usize, code: u32| {
            if let Some(n) = self.counts[facet].get_mut(code as usize) {
                *n += 1;
            }
        };
        if counts_for(DOC) {
            bump(DOC, d);
        }
        if counts_for(ISSUER) {
            for (k, &c) in issuers.iter().enumerate() {
                if !issuers[..k].contains(&c) {
                    bump(ISSUER, c);
                }
            }
        }
        if counts_for(YEAR) && year > 0 {
            bump(YEAR, year);
        }
        if counts_for(STATUS) {
            bump(STATUS, *validity as u32);
        }
        if counts_for(UNIT) {
            for &c in units {
                bump(UNIT, c);
            }
        }
        // A document without a kind, a 机关代字 or a 主题分类 counts for no value (NONE is out
        // of range).
        for (facet, code) in [(TYPE, *kind), (CODE, *code), (TOPIC, *topic)] {
            if counts_for(facet) {
                bump(facet, code);
            }
        }
        misses == 0
    }

    /// The facets, each value with its count; values without hits are left out unless
    /// selected.
    pub(crate) fn facets(&self, index: &Index<'_, SHARDS>) -> Vec<Facet> {
        let facets = index.facets();
        FACETS
            .iter()
            .enumerate()
            .map(|(f, &name)| {
                let values: Vec<(u32, FacetValue)> = self.counts[f]
                    .iter()
                    .enumerate()
                    .map(|(code, &count)| (code as u32, count))
                    .filter(|&(code, count)| {
                        count > 0 || self.scope.keep[f].as_ref().is_some_and(|k| k.contains(&code))
                    })
                    .filter_map(|(code, count)| {
                        let (value, label) = match f {
                            DOC => {
                                let d = index.doc(code)?;
                                (d.doc.to_string(), d.title.to_string())
                            }
                            ISSUER => (facets.issuer(code)?.to_string(), facets.issuer(code)?.to_string()),
                            YEAR => (code.to_string(), format!("{code}年")),
                            STATUS => {
                                let v = *Validity::ALL.get(code as usize)?;
                                (v.code().to_string(), v.label().to_string())
                            }
                            TYPE => (facets.kind(code)?.to_string(), facets.kind(code)?.to_string()),
                            CODE => (facets.code(code)?.to_string(), facets.code(code)?.to_string()),
                            TOPIC => (facets.topic(code)?.to_string(), facets.topic(code)?.to_string()),
                            _ => {
                                let names = facets.unit_names(code);
                                (names.first()?.to_string(), names.join("／"))
                            }
                        };
                        Some((code, FacetValue { value, label, count, selected: self.scope.kept_selected(f, code) }))
                    })
                    .collect();
                // Years newest first, validity in its own order, the rest by count, as sort keys
                // of the one type the engine sorts already ([`order`]).
                let mut keys: Vec<[u32; 2]> = values
                    .iter()
                    .enumerate()
                    .map(|(at, (code, v))| match f {
                        YEAR => [u32::MAX - code, at as u32],
                        STATUS => [0, at as u32],
                        _ => [u32::MAX - v.count as u32, at as u32],
                    })
                    .collect();
                let mut values: Vec<FacetValue> = order(&mut keys).map(|at| values[at].1.clone()).collect();
                values.extend(self.scope.unknown[f].iter().map(|v| FacetValue {
                    value: v.clone(),
                    label: v.clone(),
                    count: 0,
                    selected: true,
                }));
                Facet { name, values }
            })
            .collect()
    }
}

impl Scope<'_> {
    fn kept_selected(&self, facet: usize, code: u32) -> bool {
        self.keep[facet].as_ref().is_some_and(|k| k.binary_search(&code).is_ok())
    }

    /// Whether document `d` passes every filter (for a document hit: the unit filter passes
    /// when one of its clauses names a selected unit).
    pub(crate) fn keeps_doc(&self, reader: &Reader<'_>, d: u32) -> bool {
        if self.doc_misses(d) != 0 {
            return false;
        }
        self.keep[UNIT].is_none()
            || reader.clauses_of(d).any(|i| self.kept_any(UNIT, reader.index().facets().clause_units(i)))
    }

    /// Whether clause `i` passes every filter.
    pub(crate) fn keeps_clause(&self, index: &Index<'_, SHARDS>, i: u32) -> bool {
        index.clause_numbers(i).is_some_and(|n| self.clause_misses(index, n.doc, i) == 0)
    }
}
