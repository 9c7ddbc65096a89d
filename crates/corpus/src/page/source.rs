//! The first stage: each source line cleaned once (spaces unified, glosses stripped, a 文号's
//! lost bracket put back) and looked at once — its compact and folded forms, the chrome rule it
//! matches, whether it is numbered — so that the later stages only decide where it stands.
//! Also what every stage asks of a line: is it still to be placed, is it body prose.

use policy_search_normalize::{docnumber::repair_brackets, fold, FoldTable};

use crate::{
    clean::{gloss::strip_glosses, lines::chrome_rule, whitespace::unify_spaces},
    segment::marker,
    PageLine, Rule,
};

/// A source line on its way through the pipeline.
pub(super) struct Source {
    pub(super) no: usize,
    /// Spaces unified, glosses stripped.
    pub(super) text: String,
    /// `text` without spaces, in the original script.
    pub(super) compact: String,
    /// `compact` folded: what the rules look at.
    pub(super) probe: String,
    /// The chrome rule the line matches, which removes it only outside the body.
    pub(super) chrome: Option<Rule>,
    /// It starts with a numbering marker or a bullet: body text, never chrome.
    pub(super) numbered: bool,
    pub(super) removed: Option<Rule>,
}

impl Source {
    /// Not removed (yet) and not blank: a line the next step still has to place.
    pub(super) fn live(&self) -> bool {
        self.removed.is_none() && !self.probe.is_empty()
    }
}

/// Cleans every line (spaces, glosses, 文号 brackets) and notes the chrome rule each matches;
/// a line outside an HTML page's main content is removed as `outside_main` here.
pub(super) fn clean_lines(lines: Vec<PageLine>) -> Vec<Source> {
    let full = FoldTable::full();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let text = repair_brackets(&strip_glosses(&unify_spaces(&line.text)));
            let compact: String = text.chars().filter(|c| *c != ' ').collect();
            let probe = fold(&compact, full);
            let chrome = (!probe.is_empty()).then(|| chrome_rule(&probe)).flatten();
            let numbered = marker::parse(&compact).is_some() || marker::bullet(&compact).is_some();
            let removed = (line.outside && !probe.is_empty()).then_some(Rule::OutsideMain);
            Source { no: i + 1, text, compact, probe, chrome, numbered, removed }
        })
        .collect()
}

/// A line of the body, not of the page around it: numbered, a sentence, a long clause, a table
/// row of numbers. A line of chrome (`经营许可证…`) is none, but a numbered one
/// (`第五十条 …经营许可证…`) is.
pub(super) fn is_prose(l: &Source) -> bool {
    l.removed.is_none()
        && (l.chrome.is_none() || l.numbered)
        && (l.numbered
            || l.probe.contains('。')
            || (l.probe.contains(['，', ',']) && l.probe.chars().count() >= 40)
            || (l.text.split(' ').count() >= 3 && l.text.starts_with(|c: char| c.is_ascii_digit())))
}
