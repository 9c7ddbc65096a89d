//! Toneless pinyin readings, from the `pinyin` crate (heteronyms included), for homophone
//! correction: 空见 and 空间 are both `kong jian`.
//!
//! A word's readings are every combination of its characters' readings, capped at
//! [`MAX_READINGS`] per word so that a word of many polyphones cannot blow up the table.

use pinyin::ToPinyinMulti;

/// Most readings kept per word.
pub const MAX_READINGS: usize = 8;

/// The toneless readings of one character (`ü` written `v`), most common first; empty for a
/// character the pinyin data does not know.
pub fn of_char(c: char) -> Vec<String> {
    let Some(multi) = c.to_pinyin_multi() else { return Vec::new() };
    let mut out: Vec<String> = Vec::new();
    for p in multi {
        let plain = p.plain().replace('ü', "v");
        if !out.contains(&plain) {
            out.push(plain);
        }
    }
    out
}

/// Every reading of `word` as syllables, up to [`MAX_READINGS`]; empty when a character has
/// no reading.
pub fn of_word(word: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for c in word.chars() {
        let readings = of_char(c);
        if readings.is_empty() {
            return Vec::new();
        }
        out = out
            .iter()
            .flat_map(|prefix| readings.iter().map(move |r| [prefix.as_slice(), std::slice::from_ref(r)].concat()))
            .take(MAX_READINGS)
            .collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_homophones_and_heteronyms() {
        assert_eq!(of_word("空间"), [["kong", "jian"]]);
        assert!(of_word("重创").iter().any(|r| r == &["zhong", "chuang"]));
        assert!(of_char('重').contains(&"chong".to_string()));
        assert!(of_char('绿').contains(&"lv".to_string()));
        assert!(of_word("a").is_empty());
    }
}
