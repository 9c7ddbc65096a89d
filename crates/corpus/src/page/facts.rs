//! The facts stage: what the page says about its document — its markup (HTML meta tags, the
//! 信息索引 table), the chrome lines removed (page date, 文号, site), the header (title, 文号)
//! and the last signature (issuer, date) — then the manifest over it, into [`DocMeta`]. An
//! empty title and dates in the wrong order are refused here rather than passing silently.

use std::ops::Range;

use policy_search_normalize::{docnumber::find_doc_number, fold, FoldTable};

use super::{signature::Signature, source::Source};
use crate::{clean, date, manifest, meta, title, Clause, Date, DocMeta, DocumentError, Overrides, PageMeta, Rule};

/// What the page says about the document: its markup first (HTML meta tags and index table),
/// then the chrome lines that were removed (page date, 文号, site), the header (title, 文号) and
/// the last signature (issuer, date).
pub(super) fn page_facts(
    mut facts: PageMeta,
    lines: &[Source],
    body_start: usize,
    signature: Option<Signature>,
) -> PageMeta {
    for line in lines.iter().filter(|l| l.removed.is_some()) {
        match line.chrome {
            Some(Rule::PageMeta) => {
                facts.published = facts.published.or_else(|| date::find_date(&line.probe).map(|(d, _)| d));
                facts.number = facts.number.take().or_else(|| char_slice(&line.compact, find_doc_number(&line.probe)?));
                facts.topic = facts.topic.take().or_else(|| meta::labelled(&line.text, meta::TOPIC_LABELS));
            }
            Some(Rule::ContactBlock) => facts.source = facts.source.take().or_else(|| meta::find_site(&line.probe)),
            Some(Rule::WelcomeBanner) => {
                facts.source = facts.source.take().or_else(|| clean::lines::welcome_site(&line.compact, &line.probe))
            }
            _ => {}
        }
    }
    let mut header_title: Option<String> = None;
    for line in lines[..body_start].iter().filter(|l| l.removed == Some(Rule::Header)) {
        if let Some(range) = find_doc_number(&line.probe) {
            if range.len() == line.probe.chars().count() {
                facts.number = facts.number.take().or_else(|| char_slice(&line.compact, range));
                continue;
            }
        }
        // The longest title-like line: a title block's parts, or a short headline before it.
        let candidate = title::strip_category_tag(&clean::whitespace::tighten_spaces(&line.text));
        if title::is_title_like(&title::candidate(&line.compact))
            && header_title.as_ref().is_none_or(|t| t.chars().count() < candidate.chars().count())
        {
            header_title = Some(candidate);
        }
    }
    facts.title = facts.title.take().or(header_title).or(facts.title_tag.take());
    if let Some(s) = signature {
        if facts.issuer.is_empty() {
            facts.issuer = s.issuer;
        }
        facts.signed = facts.signed.or(Some(s.date));
    }
    facts
}

/// The document's metadata: the manifest's overrides first, then what the page says; refuses
/// an empty title and dates in the wrong order, which would otherwise pass silently.
pub(super) fn document_meta(
    doc: &str,
    overrides: Option<&Overrides>,
    facts: PageMeta,
    clauses: &[Clause],
) -> Result<DocMeta, DocumentError> {
    let full = FoldTable::full();
    let o = overrides.cloned().unwrap_or_default();
    let iso = |s: &Option<String>| s.as_deref().and_then(Date::parse_iso);
    let title = o.title.clone().or(facts.title).ok_or(DocumentError::NoTitle)?;
    if title.trim().is_empty() {
        return Err(DocumentError::EmptyTitle);
    }
    let mut issuer = facts.issuer;
    if issuer.is_empty() {
        issuer.extend(meta::issuer_from_title(&fold(&title, full), &title));
    }
    let written = iso(&o.written).or(facts.signed);
    let published = iso(&o.published).or(written).or(facts.published);
    let period_text = o.period.clone().or_else(|| title::period_in(&title));
    let period = period_text.as_deref().and_then(manifest::parse_period);
    let stated = clauses.iter().find_map(|c| meta::find_effective(&fold(&c.text, full)));
    let effective = iso(&o.effective)
        .or_else(|| stated.and_then(|d| d.or(published)))
        .or_else(|| period.and_then(|(from, _)| Date::new(from, 1, 1)));
    let expires = iso(&o.expires).or_else(|| period.and_then(|(_, to)| Date::end_of_year(to)));
    if let (Some(from), Some(to)) = (effective, expires) {
        if from > to {
            return Err(DocumentError::DatesOutOfOrder { effective: from, expires: to });
        }
    }
    Ok(DocMeta {
        doc: doc.to_string(),
        title,
        issuer: o.issuer.clone().unwrap_or(issuer),
        number: o.number.clone().or(facts.number),
        published,
        effective,
        expires,
        period: period_text,
        status: o.status.clone(),
        source: o.source.clone().or(facts.source),
        written,
        topic: o.topic.clone().or(facts.topic),
        superseded_by: o.superseded_by.clone(),
        amends: o.amends.clone(),
        interprets: o.interprets.clone(),
    })
}

fn char_slice(s: &str, range: Range<usize>) -> Option<String> {
    Some(s.chars().skip(range.start).take(range.len()).collect())
}
