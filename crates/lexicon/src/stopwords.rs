//! The stop list: words people add to a search box that carry no topic (怎么, 有哪些, 吗).
//!
//! A stop word is removed from the relaxed tier's weight only where the query's segmentation
//! makes it a word of its own, so 能 in 智能 or 可以 inside a longer word is never touched.

/// Parses one entry per line; `#` starts a comment. Entries are passed through `fold`.
pub fn parse(text: &str, fold: impl Fn(&str) -> String) -> Vec<String> {
    let mut out: Vec<String> = text
        .lines()
        .map(|l| l.split_once('#').map_or(l, |(before, _)| before).trim())
        .filter(|l| !l.is_empty())
        .map(fold)
        .collect();
    out.sort();
    out.dedup();
    out
}
