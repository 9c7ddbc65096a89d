//! The signature stage: organisation lines followed by a date alone on its line are a signature
//! block, lifted out of the body into metadata; the last one names the issuer and the date of
//! issue. A document may have several (a notice and the measures it issues).

use super::source::Source;
use crate::{meta, Date, Rule};

/// The last signature block (organisation lines followed by a date alone on its line).
pub(super) struct Signature {
    pub(super) line: usize,
    pub(super) issuer: Vec<String>,
    pub(super) date: Date,
}

/// Lifts signature blocks out of the body; returns the last one, which names the issuer.
pub(super) fn take_signatures(lines: &mut [Source], body_start: usize) -> Option<Signature> {
    let mut last = None;
    let body: Vec<usize> = (body_start..lines.len()).filter(|&i| lines[i].live()).collect();
    for (k, &i) in body.iter().enumerate() {
        if let Some(date) = meta::date_only(&lines[i].probe) {
            let orgs: Vec<usize> =
                body[..k].iter().rev().take(3).take_while(|&&j| meta::is_org_line(&lines[j].probe)).copied().collect();
            if !orgs.is_empty() {
                let issuer = orgs.iter().rev().map(|&j| lines[j].compact.clone()).collect();
                for j in orgs.into_iter().chain([i]) {
                    lines[j].removed = Some(Rule::Signature);
                }
                last = Some(Signature { line: i, issuer, date });
            }
        }
    }
    last
}
