//! The body stage: inside the body only label lines go (a line that *is* `图片` or `关闭`); what
//! is left is segmented into clauses ([`crate::segment`]), each with its responsible units
//! ([`crate::units`]), and a clause longer than [`MAX_CLAUSE_CHARS`] is split ([`crate::split`]).

use super::source::Source;
use crate::{
    segment::{self, Line},
    split::{self, Split},
    units, Clause, DocumentError, MAX_CLAUSE_CHARS,
};

/// Inside the body, only the rules that match a whole line equal to a button or placeholder
/// label (`图片`, `关闭`) apply: no sentence is such a line. Every other rule looks for a word
/// (`注册`, `来源：`, `经营许可证`) that policy text uses too, so it never fires here.
pub(super) fn drop_labels(body: &mut [Source]) {
    for line in body.iter_mut().filter(|l| l.live()) {
        if let Some(rule) = line.chrome.filter(|r| r.is_label()) {
            line.removed = Some(rule);
        }
    }
}

/// Segments what is left of the body into clauses (a removed line is a blank one, so numbering
/// and line breaks stay where they were) and splits the over-long ones.
pub(super) fn segment_body(body: &[Source]) -> Result<(Vec<Clause>, Vec<Split>), DocumentError> {
    let body_lines: Vec<Line> = body
        .iter()
        .map(|l| Line { no: l.no, text: if l.removed.is_some() { String::new() } else { l.text.clone() } })
        .collect();
    let clauses: Vec<Clause> = segment::segment(&body_lines).into_iter().map(clause_from).collect();
    if clauses.is_empty() {
        return Err(DocumentError::NoClause);
    }
    Ok(split::split_long(clauses, MAX_CLAUSE_CHARS))
}

fn clause_from(d: segment::Draft) -> Clause {
    let units = units::find_units(&d.text);
    let heading = (d.heading_len > 0).then(|| d.text.chars().take(d.heading_len).collect());
    Clause {
        clause: d.id,
        label: d.label,
        path: d.path,
        heading,
        units: {
            // The closing tag's list, then bodies the text puts in charge (`由市发改委牵头…`).
            let mut names = units.as_ref().map(|u| u.names.clone()).unwrap_or_default();
            for lead in units::find_leads(&d.text) {
                if !names.contains(&lead) {
                    names.push(lead);
                }
            }
            names
        },
        units_span: units.map(|u| u.span),
        text: d.text,
    }
}
