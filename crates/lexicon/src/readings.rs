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

/// The 3 755 characters of GB 2312's level 1 (常用字), in code order: the characters people
/// type most, whose readings a correction needs even where the corpus lacks them (an IME slip
/// can produce any of them). Decoded from the standard's byte rows B0–D7 with `encoding_rs`.
pub fn common_chars() -> Vec<char> {
    let mut out = Vec::with_capacity(3755);
    for row in 0xB0u8..=0xD7 {
        // Row D7 ends at F9; its last five cells are GBK's additions, not level 1.
        let last = if row == 0xD7 { 0xF9 } else { 0xFE };
        for cell in 0xA1u8..=last {
            let bytes = [row, cell];
            let (text, _, bad) = encoding_rs::GBK.decode(&bytes);
            let mut chars = text.chars();
            if let (Some(c), None, false) = (chars.next(), chars.next(), bad) {
                if c != '\u{FFFD}' {
                    out.push(c);
                }
            }
        }
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

    #[test]
    fn gb2312_level_one_is_the_common_characters() {
        let chars = common_chars();
        assert_eq!(chars.len(), 3755);
        assert_eq!((chars[0], chars[chars.len() - 1]), ('啊', '座'));
        assert!(chars.contains(&'器') && chars.contains(&'气'));
    }
}
