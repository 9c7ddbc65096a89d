//! The docs section: document metadata, one record per document, in file-name order.
//!
//! A table of records of strings (empty = none): `doc | title | issuer count | issuers… |
//! number | published | effective | expires | period | source`. Dates are `YYYY-MM-DD`.
//! Validity is not stored: it depends on the day of the search (see [`crate::facets`]).

use crate::bytes::{Reader, Table};

/// One document's metadata, borrowed from the index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocView<'a> {
    /// File stem.
    pub doc: &'a str,
    /// Title.
    pub title: &'a str,
    /// Issuing bodies.
    pub issuer: Vec<&'a str>,
    /// 文号.
    pub number: Option<&'a str>,
    /// Date of issue.
    pub published: Option<&'a str>,
    /// Date it takes effect.
    pub effective: Option<&'a str>,
    /// Last day in force.
    pub expires: Option<&'a str>,
    /// Validity period as stated.
    pub period: Option<&'a str>,
    /// Source site.
    pub source: Option<&'a str>,
}

/// Writes one document record.
#[cfg(feature = "write")]
pub fn record(d: &DocView<'_>) -> Vec<u8> {
    use crate::bytes::{put_str, put_strs};
    let mut out = Vec::new();
    put_str(&mut out, d.doc);
    put_str(&mut out, d.title);
    put_strs(&mut out, &d.issuer);
    for s in [d.number, d.published, d.effective, d.expires, d.period] {
        put_str(&mut out, s.unwrap_or(""));
    }
    put_str(&mut out, d.source.unwrap_or(""));
    out
}

/// Reads record `i`.
pub fn read<'a>(table: &Table<'a>, i: u32) -> Option<DocView<'a>> {
    let mut r = Reader::new(table.get(i as usize)?);
    let opt = |s: &'a str| (!s.is_empty()).then_some(s);
    let doc = r.str()?;
    let title = r.str()?;
    let issuer = r.strs()?;
    let (number, published, effective, expires, period) =
        (opt(r.str()?), opt(r.str()?), opt(r.str()?), opt(r.str()?), opt(r.str()?));
    let source = opt(r.str()?);
    Some(DocView { doc, title, issuer, number, published, effective, expires, period, source })
}
