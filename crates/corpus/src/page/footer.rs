//! The footer stage: the page's trailing run of lines that are not prose — what a site prints
//! under every page — is removed, under the chrome rule it matches or as `footer`; an
//! attachment after the body stays body.

use super::source::{is_prose, Source};
use crate::{segment, Rule};

/// Marks the page's trailing run of lines that are not prose (after `last_signed`) as footer,
/// or as the chrome rule it matches: what a site prints under every page. An attachment (附件,
/// 附表) after the body is body up to its last line that is not chrome, so a table it holds
/// (rows with no sentence) stays, whatever words its label uses (`附件 用户注册表`); an
/// attachment label with nothing but chrome after it is footer.
pub(super) fn drop_footer(lines: &mut [Source], body_start: usize, last_signed: usize) {
    let last_prose = (body_start..lines.len()).rev().find(|&i| is_prose(&lines[i]));
    let mut last_body = last_prose.map_or(last_signed, |i| i.max(last_signed));
    let attachment =
        (last_body + 1..lines.len()).find(|&i| lines[i].live() && segment::is_attachment(&lines[i].compact));
    if let Some(at) = attachment {
        let last_kept = (at + 1..lines.len()).rev().find(|&i| lines[i].live() && lines[i].chrome.is_none());
        last_body = last_kept.unwrap_or(last_body);
    }
    for line in lines[last_body + 1..].iter_mut().filter(|l| l.live()) {
        line.removed = Some(line.chrome.unwrap_or(Rule::Footer));
    }
}
