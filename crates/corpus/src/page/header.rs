//! The header stage: everything before the body — the title and 文号, the page's date bar,
//! login and navigation — is removed, under the chrome rule it matches or as `header`. The body
//! starts at the first line that is prose or an addressee (主送) and not chrome; a title-like
//! line is never chrome, whatever word it holds.

use super::source::{is_prose, Source};
use crate::{meta, title, DocumentError, Rule};

/// Marks everything before the body (主送, the first numbered item or sentence that is not site
/// chrome) as header, where the title and 文号 are, or as the chrome rule it matches; returns
/// where the body starts.
pub(super) fn take_header(lines: &mut [Source]) -> Result<usize, DocumentError> {
    let body_start = lines
        .iter()
        .position(|l| l.live() && (is_prose(l) || (l.chrome.is_none() && meta::is_addressee(&l.probe))))
        .ok_or(DocumentError::NoPolicyText)?;
    for line in lines[..body_start].iter_mut().filter(|l| l.live()) {
        // A title is never chrome, whatever word it holds (中华人民共和国注册会计师法).
        let title = title::is_title_like(&title::candidate(&line.compact));
        line.removed = Some(line.chrome.filter(|_| !title).unwrap_or(Rule::Header));
    }
    Ok(body_start)
}
