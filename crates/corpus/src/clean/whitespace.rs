//! Rules `unify_spaces` and `tighten_spaces`: whitespace inside paragraphs.
//!
//! Scraped pages carry NBSP, ideographic spaces, tabs and zero-width characters, and break
//! Chinese text with spaces that mean nothing (`绿色能源 五大产业`). Lines first get one plain
//! space per run ([`unify_spaces`], which keeps table columns apart); paragraphs then lose every
//! space that touches a non-ASCII character ([`tighten_spaces`]). Spaces between two ASCII
//! characters (`MAIN BUSINESS`, `SPAC 等`→`SPAC等`) are the only ones kept.

use policy_search_normalize::is_invisible;

/// Turns every run of whitespace (NBSP and U+3000 included) into one space, drops invisible
/// characters (zero-width, bidi controls, soft hyphen: the one list the query side strips too),
/// and trims the ends.
pub fn unify_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars().filter(|&c| !is_invisible(c)) {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Drops each space that has a non-ASCII character on either side.
pub fn tighten_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            if !before.is_some_and(|b| b.is_ascii()) || !after.is_some_and(|a| a.is_ascii()) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unifies_every_kind_of_space() {
        assert_eq!(unify_spaces("\u{a0}\u{3000} 索 引\t\t号\u{200b}  "), "索 引 号");
        assert_eq!(unify_spaces("\u{a0}"), "");
        assert_eq!(unify_spaces("左\u{202E}右\u{00AD}"), "左右");
    }

    #[test]
    fn tightens_spaces_between_chinese_but_not_between_latin() {
        assert_eq!(tighten_spaces("绿色能源 五大产业领域"), "绿色能源五大产业领域");
        assert_eq!(tighten_spaces("管委会 政府关于"), "管委会政府关于");
        assert_eq!(tighten_spaces("MAIN BUSINESS"), "MAIN BUSINESS");
        assert_eq!(tighten_spaces("30730 次"), "30730次");
    }
}
