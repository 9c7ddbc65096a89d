//! Hits as the caller sees them: a clause, a document or a related clause turned into a
//! [`Hit`] record with its highlights, snippet, path and validity; and what the engine parsed.

use policy_search_index::{facets::Day, keys, ClauseView};

use crate::{
    engine::{
        answer::Answer,
        snippet::{highlights, snippet},
    },
    query::{
        self,
        natural::{
            relaxed::{Piece, RelaxedHit},
            titles::DocMatch,
        },
    },
    reader::Reader,
    results::{ClauseRecord, Hit, HitKind, MatchKind, Parsed, PathItem, SynonymUsed, Via},
};

/// Document `d` named by the query (its 文号 or title), its title highlighted where it holds
/// one of `words` (folded).
pub(crate) fn doc_hit(
    r: &Reader<'_>,
    d: u32,
    how: DocMatch,
    share: f32,
    words: &[Vec<char>],
    today: Day,
) -> Option<Hit> {
    let doc = r.index().doc(d)?;
    let title: Vec<char> = doc.title.chars().map(|c| r.fold_char(c)).collect();
    let terms: Vec<Vec<char>> = words.iter().filter(|w| !keys::occurrences(&title, w).is_empty()).cloned().collect();
    let matched: Vec<String> = terms.iter().map(|t| t.iter().collect()).collect();
    let highlights = highlights(&title, &terms);
    let len = doc.title.chars().count();
    Some(Hit {
        kind: HitKind::Document,
        match_kind: MatchKind::Partial,
        via: vec![match how {
            DocMatch::Number => Via::Number,
            DocMatch::Title => Via::Title,
        }],
        matched,
        synonyms: Vec::new(),
        reading: None,
        doc: doc.doc.to_string(),
        clause: String::new(),
        title: doc.title.to_string(),
        number: doc.number.map(str::to_string),
        published: doc.published.map(str::to_string),
        status: r.status_of(d, today),
        label: String::new(),
        path: Vec::new(),
        heading: None,
        text: doc.title.to_string(),
        snippet: snippet(doc.title, len, &highlights),
        highlights,
        score: share,
    })
}

/// A clause the query cites by its document's name and its article number.
pub(crate) fn reference_hit(r: &Reader<'_>, clause: u32, today: Day) -> Option<Hit> {
    let mut hit = hit(r, clause, 1.0, &[], today)?;
    hit.match_kind = MatchKind::Partial;
    hit.via = vec![Via::Reference];
    Some(hit)
}

/// A related clause, saying which pieces it holds and through which synonyms.
pub(crate) fn relaxed_hit(r: &Reader<'_>, related: &RelaxedHit, pieces: &[Piece], today: Day) -> Option<Hit> {
    let terms: Vec<Vec<char>> = related
        .held
        .iter()
        .filter(|h| !h.in_heading)
        .map(|h| h.synonym.as_ref().unwrap_or(&pieces[h.piece].text).chars().collect())
        .collect();
    let mut hit = hit(r, related.clause, related.score, &terms, today)?;
    hit.match_kind = MatchKind::Partial;
    hit.matched = related.held.iter().map(|h| pieces[h.piece].text.clone()).collect();
    hit.synonyms = related
        .held
        .iter()
        .filter_map(|h| h.synonym.as_ref().map(|s| SynonymUsed { from: pieces[h.piece].text.clone(), to: s.clone() }))
        .collect();
    hit.via = vec![Via::Relaxed];
    if !hit.synonyms.is_empty() {
        hit.via.push(Via::Synonym);
    }
    Some(hit)
}

/// Clause `clause` with the occurrences of `terms` highlighted.
pub(crate) fn hit(r: &Reader<'_>, clause: u32, score: f32, terms: &[Vec<char>], today: Day) -> Option<Hit> {
    let view = r.index().clause(clause)?;
    let doc = r.index().doc(view.doc)?;
    let highlights = highlights(r.folded(clause), terms);
    let snippet = snippet(view.text, view.char_len as usize, &highlights);
    let record = record(r, clause, &view);
    Some(Hit {
        kind: HitKind::Clause,
        match_kind: MatchKind::Exact,
        via: Vec::new(),
        matched: Vec::new(),
        synonyms: Vec::new(),
        reading: None,
        doc: record.doc,
        clause: record.clause,
        title: doc.title.to_string(),
        number: doc.number.map(str::to_string),
        published: doc.published.map(str::to_string),
        status: r.status_of(view.doc, today),
        label: record.label,
        path: record.path,
        heading: record.heading,
        text: record.text,
        highlights,
        snippet,
        score,
    })
}

/// Clause `i`'s record (its view already read).
pub(crate) fn record(r: &Reader<'_>, i: u32, view: &ClauseView<'_>) -> ClauseRecord {
    let doc = r.index().doc(view.doc).map_or("", |d| d.doc);
    ClauseRecord {
        doc: doc.to_string(),
        clause: view.id.to_string(),
        label: view.label.to_string(),
        path: r
            .index()
            .path(view.heading_node)
            .into_iter()
            .map(|h| PathItem { label: h.label.into(), title: h.title.into() })
            .collect(),
        heading: (view.heading_len > 0).then(|| view.text.chars().take(view.heading_len as usize).collect()),
        text: view.text.to_string(),
        units: view.units.iter().map(|u| u.to_string()).collect(),
        unit_values: r
            .index()
            .facets()
            .clause_units(i)
            .iter()
            .filter_map(|&u| r.index().facets().unit_names(u).first().map(|n| n.to_string()))
            .collect(),
    }
}

/// What the engine parsed, for the element to show.
pub(crate) fn parsed(answer: &Answer) -> Parsed {
    let text = |t: &query::Term| t.chars.iter().collect::<String>();
    Parsed {
        terms: answer.query.include.iter().map(text).collect(),
        typed: answer.query.include.iter().map(|t| t.typed.clone()).collect(),
        phrases: answer.query.include.iter().filter(|t| t.phrase).map(text).collect(),
        exclude: answer.query.exclude.iter().map(text).collect(),
        pieces: answer.pieces.clone(),
    }
}
