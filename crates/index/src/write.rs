//! Build time: turns documents and clauses into the index blob.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use policy_search_normalize::{fold, FoldTable};

use crate::{alphabet, bytes::put_table, clauses, docs, header, headings, keys, postings, terms, ClauseView, DocView};

/// A clause to index. `doc` is the document's position in the docs slice.
pub struct ClauseInput {
    /// Document number.
    pub doc: u32,
    /// Stable id within the document.
    pub id: String,
    /// Own numbering label.
    pub label: String,
    /// Headings above it as `(label, title)`, outermost first.
    pub path: Vec<(String, String)>,
    /// Characters of `text` that are its heading.
    pub heading_len: u32,
    /// Display text.
    pub text: String,
    /// Responsible units.
    pub units: Vec<String>,
    /// Character range of the responsibility tag.
    pub units_span: Option<std::ops::Range<u32>>,
}

/// Writes the blob. `full` is the build-time fold table; only the part of it whose targets
/// occur in the folded clause text is stored.
pub fn write(docs: &[DocView<'_>], clauses: &[ClauseInput], full: &FoldTable) -> Vec<u8> {
    let folded: Vec<String> = clauses.iter().map(|c| fold(&c.text, full)).collect();

    let corpus_chars: BTreeSet<char> = folded.iter().flat_map(|t| t.chars()).collect();
    let fold_section = full.restrict_to(|c| corpus_chars.contains(&c)).as_bytes().to_vec();

    let mut lists: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (i, text) in folded.iter().enumerate() {
        for key in keys::keys(text) {
            let list = lists.entry(key).or_default();
            if list.last() != Some(&(i as u32)) {
                list.push(i as u32);
            }
        }
    }
    let alphabet_section = alphabet::write(lists.keys().map(String::as_str));
    let alphabet = alphabet::Alphabet::new(&alphabet_section).expect("the writer's alphabet is well formed");
    // The FST needs its keys sorted by their encoded bytes; ordinals follow that order.
    let mut encoded: Vec<(Vec<u8>, Vec<u32>)> = lists
        .into_iter()
        .map(|(key, list)| (alphabet.encode(&key).expect("every key character is in the alphabet"), list))
        .collect();
    encoded.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let postings_section = postings::write(&encoded.iter().map(|(_, list)| list.clone()).collect::<Vec<_>>());
    let terms_section = terms::write(encoded.into_iter().map(|(key, _)| key));

    // Headings are interned by their whole chain, so siblings share one record per ancestor.
    let mut heading_ids: HashMap<Vec<(String, String)>, u32> = HashMap::new();
    let mut heading_records = Vec::new();
    let mut clause_records = Vec::new();
    let mut total_chars = 0u32;
    for c in clauses {
        let mut parent = None;
        for depth in 1..=c.path.len() {
            let chain = c.path[..depth].to_vec();
            let id = *heading_ids.entry(chain).or_insert_with(|| {
                let (label, title) = &c.path[depth - 1];
                heading_records.push(headings::record(parent, label, title));
                heading_records.len() as u32 - 1
            });
            parent = Some(id);
        }
        let char_len = c.text.chars().count() as u32;
        total_chars += char_len;
        clause_records.push(clauses::record(&ClauseView {
            doc: c.doc,
            heading_node: parent,
            heading_len: c.heading_len,
            units_span: c.units_span.clone(),
            char_len,
            id: &c.id,
            label: &c.label,
            units: c.units.iter().map(String::as_str).collect(),
            text: &c.text,
        }));
    }
    let mut clauses_section = total_chars.to_le_bytes().to_vec();
    clauses_section.extend(put_table(&clause_records));
    let docs_section = put_table(&docs.iter().map(docs::record).collect::<Vec<_>>());

    header::write(&[
        fold_section,
        alphabet_section,
        terms_section,
        postings_section,
        put_table(&heading_records),
        clauses_section,
        docs_section,
    ])
}
