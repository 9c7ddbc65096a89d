//! The docs section: document metadata, one record per document, in file-name order.
//!
//! A table of records of strings (empty = none): `doc | title | issuer count | issuers… |
//! number | published | effective | expires | period | source | written`, the links
//! to other documents (four lists of document numbers: amends, amended by, interprets,
//! interpreted by; each a varint count, then the numbers), then the 文号 read as its parts
//! (`serial + 1`, 0 = none; then `year + 1`, 0 = none, and the issuer code): read once here at
//! build time, so that a query naming a 文号 compares parts instead of reading every document's.
//! Dates are `YYYY-MM-DD`. Validity is not stored: it depends on the day of the search (see
//! [`crate::facets`]).

use policy_search_normalize::docnumber::DocNumber;

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
    /// The 文号 as its parts, read from it folded with the index's own fold table (as a query
    /// is folded) by [`policy_search_normalize::docnumber::read_number`]; `None` when there is
    /// no 文号 or it reads as none. The writer derives it from `number` and ignores this field.
    pub number_parts: Option<DocNumber<&'a str>>,
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
    /// Date it was written (成文日期).
    pub written: Option<&'a str>,
    /// Its links to other documents, by document number.
    pub links: Links,
}

/// A document's links to other documents of the index, by document number (file-name order),
/// each list ascending. The build states every link both ways: when A amends B, B is amended
/// by A, whichever of the two the manifest names the link on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Links {
    /// The documents this one amends (gives a newer wording of).
    pub amends: Vec<u32>,
    /// The documents that amend this one: its newer wordings.
    pub amended_by: Vec<u32>,
    /// The policies this document interprets (政策解读).
    pub interprets: Vec<u32>,
    /// The interpretations of this document.
    pub interpreted_by: Vec<u32>,
}

#[cfg(feature = "write")]
impl Links {
    /// The four lists, in their on-disk order.
    fn lists(&self) -> [&Vec<u32>; 4] {
        [&self.amends, &self.amended_by, &self.interprets, &self.interpreted_by]
    }
}

/// Writes one document record, with `parts`, its 文号 read as parts.
#[cfg(feature = "write")]
pub fn record(d: &DocView<'_>, parts: Option<&DocNumber>) -> Vec<u8> {
    use crate::bytes::{put_str, put_strs, put_varint};
    let mut out = Vec::new();
    put_str(&mut out, d.doc);
    put_str(&mut out, d.title);
    put_strs(&mut out, &d.issuer);
    for s in [d.number, d.published, d.effective, d.expires, d.period] {
        put_str(&mut out, s.unwrap_or(""));
    }
    for s in [d.source, d.written] {
        put_str(&mut out, s.unwrap_or(""));
    }
    for list in d.links.lists() {
        put_varint(&mut out, list.len() as u64);
        list.iter().for_each(|&n| put_varint(&mut out, u64::from(n)));
    }
    // Offset by one so that 0 says "none": a serial and a year of 0 can be written.
    put_varint(&mut out, parts.map_or(0, |p| u64::from(p.serial) + 1));
    if let Some(p) = parts {
        put_varint(&mut out, p.year.map_or(0, |y| u64::from(y) + 1));
        put_str(&mut out, p.code.as_deref().unwrap_or(""));
    }
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
    let (source, written) = (opt(r.str()?), opt(r.str()?));
    let mut list = || {
        let n = r.varint()?;
        (0..n).map(|_| r.u32()).collect::<Option<Vec<u32>>>()
    };
    let links = Links { amends: list()?, amended_by: list()?, interprets: list()?, interpreted_by: list()? };
    let number_parts = match r.varint()? {
        0 => None,
        serial => {
            let year = r.u32()?.checked_sub(1);
            Some(DocNumber { code: opt(r.str()?), year, serial: u32::try_from(serial - 1).ok()? })
        }
    };
    Some(DocView {
        doc,
        title,
        issuer,
        number,
        number_parts,
        published,
        effective,
        expires,
        period,
        source,
        written,
        links,
    })
}

#[cfg(all(test, feature = "write"))]
mod tests {
    use super::*;
    use crate::bytes::put_table;

    #[test]
    fn a_record_keeps_its_number_parts() {
        let doc = DocView {
            doc: "000",
            title: "关于…的意见",
            number: Some("杭政〔2019〕55号"),
            written: Some("2019-09-06"),
            links: Links { amends: vec![2], amended_by: vec![], interprets: vec![1, 300], interpreted_by: vec![4] },
            ..DocView::default()
        };
        let parts = [
            Some(DocNumber { code: Some("杭政".to_string()), year: Some(2019), serial: 55 }),
            Some(DocNumber { code: None, year: None, serial: 0 }),
            None,
        ];
        let bytes = put_table(&parts.iter().map(|p| record(&doc, p.as_ref())).collect::<Vec<_>>());
        let table = Table::new(&bytes).unwrap();
        for (i, p) in parts.iter().enumerate() {
            let read = read(&table, i as u32).unwrap();
            let expected = p.as_ref().map(|p| DocNumber { code: p.code.as_deref(), year: p.year, serial: p.serial });
            assert_eq!(read, DocView { number_parts: expected, ..doc.clone() });
        }
    }
}
