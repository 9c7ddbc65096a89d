//! Build time only: the full fold table, derived from Unicode NFKC and OpenCC's TSCharacters.

use std::sync::OnceLock;

use ferrous_opencc::{config::BuiltinConfig, OpenCC};
use unicode_normalization::UnicodeNormalization;

use crate::{fold_char, FoldTable, BRACKETS};

/// Code point ranges where OpenCC's TSCharacters has its keys (the CJK blocks).
const HAN_RANGES: [(u32, u32); 4] =
    [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x323AF)];

impl FoldTable {
    /// The full fold table: every non-ASCII character whose NFKC form is a single character,
    /// every OpenCC Traditional → Simplified character mapping, and the bracket variants,
    /// composed until each target is a fixed point. Computed once per process.
    pub fn full() -> &'static FoldTable {
        static FULL: OnceLock<FoldTable> = OnceLock::new();
        FULL.get_or_init(build_full)
    }
}

fn build_full() -> FoldTable {
    let t2s = OpenCC::from_config(BuiltinConfig::T2s).expect("OpenCC's built-in t2s config loads");
    let mut one_step: Vec<(char, char)> = Vec::new();

    // NFKC width folding, kept only where one character stays one character.
    for c in (0x80..=0x10FFFFu32).filter_map(char::from_u32) {
        if let Some(t) = single(c.nfkc()) {
            one_step.push((c, t));
        }
    }
    // Traditional → Simplified by character. TSPhrases has no one-character keys, so
    // converting a lone character applies exactly TSCharacters (first candidate).
    let mut buf = [0u8; 4];
    for (lo, hi) in HAN_RANGES {
        for c in (lo..=hi).filter_map(char::from_u32) {
            if let Some(t) = single(t2s.convert(c.encode_utf8(&mut buf)).chars()) {
                one_step.push((c, t));
            }
        }
    }
    one_step.extend(BRACKETS.iter().filter(|(from, _)| !from.is_ascii()).copied());

    // Compose: NFKC may land on a Traditional character, T→S on a bracket, and so on.
    let step = FoldTable::from_pairs(merge(one_step));
    let composed = step.entries().filter_map(|(from, _)| {
        let from = char::from_u32(from)?;
        let mut c = from;
        for _ in 0..4 {
            let next = fold_char(c, &step);
            if next == c {
                break;
            }
            c = next;
        }
        Some((from, c))
    });
    FoldTable::from_pairs(composed.collect::<Vec<_>>())
}

/// Keeps the first rule for each source character (NFKC before OpenCC before brackets),
/// except that a later rule may act on an NFKC identity.
fn merge(mut pairs: Vec<(char, char)>) -> Vec<(char, char)> {
    pairs.retain(|(from, to)| from != to);
    let mut seen = std::collections::HashSet::new();
    pairs.retain(|(from, _)| seen.insert(*from));
    pairs
}

fn single(mut chars: impl Iterator<Item = char>) -> Option<char> {
    let first = chars.next()?;
    chars.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use crate::{fold, fold_char, FoldTable};

    #[test]
    fn folds_traditional_width_and_brackets() {
        let full = FoldTable::full();
        assert_eq!(fold("雙創 知識產權 號", full), "双创 知识产权 号");
        assert_eq!(fold("ＩＰＯ　５Ｇ", full), "ipo 5g");
        assert_eq!(fold("杭政［2019］55號 【2018】", full), "杭政〔2019〕55号 〔2018〕");
    }

    #[test]
    fn is_idempotent() {
        let full = FoldTable::full();
        for (from, to) in full.entries() {
            let to = char::from_u32(to).unwrap();
            assert_eq!(fold_char(to, full), to, "U+{from:04X} folds to a non-fixed point");
        }
    }

    #[test]
    fn keeps_simplified_and_multi_character_nfkc_alone() {
        let full = FoldTable::full();
        assert_eq!(fold("双创㈠⑴", full), "双创㈠⑴");
    }
}
