//! Build time only: the full fold table, derived from Unicode NFKC and OpenCC's character
//! dictionaries (TSCharacters and STCharacters) and regional variant tables (TWVariants,
//! HKVariants).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::{fold_char, FoldTable, BRACKETS};

/// OpenCC's Traditional → Simplified and Simplified → Traditional character dictionaries,
/// verbatim from the OpenCC release that `ferrous-opencc` ships (a test checks that they
/// agree). They are read here rather than through a converter because folding needs *every*
/// candidate of a key, not just the first.
const TS_CHARACTERS: &str = include_str!("../data/TSCharacters.txt");
const ST_CHARACTERS: &str = include_str!("../data/STCharacters.txt");
/// OpenCC's regional variant tables: the same character as Taiwan's and Hong Kong's standards
/// write it (着/著, 裏/裡, 衆/眾). Character-level t2s leaves these apart although a Simplified
/// user types the other (著力 in converted Traditional text, 着力 typed), so they join the
/// classes too.
const TW_VARIANTS: &str = include_str!("../data/TWVariants.txt");
const HK_VARIANTS: &str = include_str!("../data/HKVariants.txt");

impl FoldTable {
    /// The full fold table: every non-ASCII character whose NFKC form is a single character,
    /// every character of an OpenCC Traditional → Simplified class, and the bracket variants,
    /// composed until each target is a fixed point. Computed once per process.
    pub fn full() -> &'static FoldTable {
        static FULL: OnceLock<FoldTable> = OnceLock::new();
        FULL.get_or_init(build_full)
    }
}

/// The lines of an OpenCC character dictionary: a key and its candidates, first preferred.
fn dictionary(text: &'static str) -> impl Iterator<Item = (char, Vec<char>)> {
    text.lines().filter_map(|line| {
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') || line.is_empty() {
            return None;
        }
        let (key, values) = line.split_once('\t')?;
        let key = single(key.chars())?;
        let values: Vec<char> = values.split(' ').filter_map(|v| single(v.chars())).collect();
        Some((key, values)).filter(|(_, v)| !v.is_empty())
    })
}

/// TSCharacters: a Traditional key and its Simplified candidates.
fn ts_characters() -> impl Iterator<Item = (char, Vec<char>)> {
    dictionary(TS_CHARACTERS)
}

/// STCharacters: a Simplified key and its Traditional candidates.
fn st_characters() -> impl Iterator<Item = (char, Vec<char>)> {
    dictionary(ST_CHARACTERS)
}

/// TWVariants and HKVariants: a character and its regional variants.
fn variants() -> impl Iterator<Item = (char, Vec<char>)> {
    dictionary(TW_VARIANTS).chain(dictionary(HK_VARIANTS))
}

fn build_full() -> FoldTable {
    let mut one_step: Vec<(char, char)> = Vec::new();

    // NFKC width folding, kept only where one character stays one character.
    for c in (0x80..=0x10FFFFu32).filter_map(char::from_u32) {
        if let Some(t) = single(c.nfkc()) {
            one_step.push((c, t));
        }
    }
    // Traditional → Simplified. A key with several candidates (藉 → 藉 借, 乾 → 乾 干) is
    // ambiguous out of context, and OpenCC's phrase tables pick either one (借助 → 藉助), so a
    // character folds to one representative of its whole class: the union of every key with
    // every candidate, in both dictionaries (着 → 着 著 is only in STCharacters). Recall across scripts is then exact; the price is that a lone
    // ambiguous character (划 in 计划 vs 画) also matches its class-mates.
    for (class, members) in classes() {
        for m in members {
            one_step.push((m, class));
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

/// The OpenCC character classes, keyed by representative: the lowest code point among the
/// members that are Simplified (TSCharacters' first candidate is themselves or they are not a
/// TSCharacters key), so 借 stands for {借, 藉}.
fn classes() -> BTreeMap<char, Vec<char>> {
    let mut parent: BTreeMap<char, char> = BTreeMap::new();
    fn root(parent: &mut BTreeMap<char, char>, mut c: char) -> char {
        while let Some(&p) = parent.get(&c).filter(|&&p| p != c) {
            c = p;
        }
        c
    }
    let mut first: BTreeMap<char, char> = BTreeMap::new();
    for (key, values) in ts_characters() {
        first.insert(key, values[0]);
    }
    for (key, values) in ts_characters().chain(st_characters()).chain(variants()) {
        for v in values {
            let (a, b) = (root(&mut parent, key), root(&mut parent, v));
            parent.entry(a).or_insert(a);
            parent.entry(b).or_insert(b);
            if a != b {
                parent.insert(a.max(b), a.min(b));
            }
        }
    }
    let mut members: BTreeMap<char, Vec<char>> = BTreeMap::new();
    for c in parent.keys().copied().collect::<Vec<_>>() {
        let r = root(&mut parent, c);
        members.entry(r).or_default().push(c);
    }
    members
        .into_values()
        .map(|m| {
            let simplified = |c: &&char| first.get(c).is_none_or(|f| f == *c);
            let rep = *m.iter().filter(simplified).min().unwrap_or(&m[0]);
            (rep, m)
        })
        .collect()
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
    use ferrous_opencc::{config::BuiltinConfig, OpenCC};

    use super::{st_characters, ts_characters, variants};
    use crate::{fold, fold_char, FoldTable};

    #[test]
    fn folds_traditional_width_and_brackets() {
        let full = FoldTable::full();
        assert_eq!(fold("雙創 知識產權 號", full), "双创 知识产权 号");
        assert_eq!(fold("ＩＰＯ　５Ｇ", full), "ipo 5g");
        assert_eq!(fold("杭政［2019］55號 【2018】", full), "杭政〔2019〕55号 〔2018〕");
    }

    #[test]
    fn every_candidate_of_an_ambiguous_character_folds_alike() {
        let full = FoldTable::full();
        // 藉 is both a Simplified character (狼藉) and a Traditional candidate of 借.
        assert_eq!(fold("藉助", full), fold("借助", full));
        assert_eq!(fold("乾", full), fold("干", full));
        for (key, values) in ts_characters().chain(st_characters()) {
            for v in values {
                assert_eq!(fold_char(key, full), fold_char(v, full), "{key} / {v}");
            }
        }
    }

    #[test]
    fn regional_variants_fold_alike() {
        let full = FoldTable::full();
        assert_eq!(fold("著力完善", full), fold("着力完善", full));
        assert_eq!(fold("裡", full), fold("里", full));
        for (key, values) in variants() {
            for v in values {
                assert_eq!(fold_char(key, full), fold_char(v, full), "{key} / {v}");
            }
        }
    }

    #[test]
    fn vendored_dictionaries_agree_with_ferrous_opencc() {
        let t2s = OpenCC::from_config(BuiltinConfig::T2s).unwrap();
        let s2t = OpenCC::from_config(BuiltinConfig::S2t).unwrap();
        let mut buf = [0u8; 4];
        for (key, values) in ts_characters() {
            assert_eq!(t2s.convert(key.encode_utf8(&mut buf)), values[0].to_string(), "{key}");
        }
        for (key, values) in st_characters() {
            assert_eq!(s2t.convert(key.encode_utf8(&mut buf)), values[0].to_string(), "{key}");
        }
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
