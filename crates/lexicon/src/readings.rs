//! Toneless pinyin readings.
//!
//! - Characters: the `pinyin` crate (pinyin-data, MIT), heteronyms included, for homophone
//!   correction (空见 and 空间 are both `kong jian`): [`of_char`].
//! - Words: [`Phrases`], the word-level readings of mozillazg's phrase-pinyin-data (MIT,
//!   `data/phrase-pinyin/`), so that a word is read as a word — 会计 `kuai ji`, 重庆
//!   `chong qing`, 长期 `chang qi` — not character by character.

use std::collections::HashMap;

use pinyin::ToPinyinMulti;
use policy_search_normalize::toneless;

/// phrase-pinyin-data's `pinyin.txt` (version in its first lines), MIT licence beside it.
pub const PHRASE_DATA: &str = include_str!("../data/phrase-pinyin/pinyin.txt");

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

/// Word-level readings: a dictionary of phrases, each with every reading the data gives it.
#[derive(Debug, Default)]
pub struct Phrases {
    readings: HashMap<String, Vec<Vec<String>>>,
    longest: usize,
}

impl Phrases {
    /// Parses phrase-pinyin-data's format (`词语: cí yǔ`, `#` comments, one reading per line,
    /// several lines for several readings). Phrases are folded with `fold`, the index's own
    /// fold, so that they are looked up as the vocabulary spells them. A line that is not of
    /// that form, or whose syllable count differs from its character count, is an error naming
    /// the line.
    pub fn parse(text: &str, source: &str, fold: impl Fn(&str) -> String) -> Result<Phrases, String> {
        let mut out = Phrases::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            let bad = |why: &str| format!("{source}:{}: {why}: {line:?}", n + 1);
            let (phrase, reading) = line.split_once(':').ok_or_else(|| bad("expected `phrase: pinyin`"))?;
            let phrase = fold(phrase.trim());
            let syllables: Vec<String> = reading
                .split_whitespace()
                .map(|s| s.chars().map(|c| toneless(c).unwrap_or(c)).collect::<String>().to_lowercase())
                .collect();
            if syllables.len() != phrase.chars().count()
                || syllables.iter().any(|s| !s.bytes().all(|b| b.is_ascii_lowercase()))
            {
                return Err(bad("one toneless Latin syllable per character expected"));
            }
            out.longest = out.longest.max(syllables.len());
            let entry = out.readings.entry(phrase).or_default();
            if !entry.contains(&syllables) {
                entry.push(syllables);
            }
        }
        Ok(out)
    }

    /// The project's phrase data, folded with `fold`.
    pub fn bundled(fold: impl Fn(&str) -> String) -> Phrases {
        Phrases::parse(PHRASE_DATA, "crates/lexicon/data/phrase-pinyin/pinyin.txt", fold)
            .expect("the bundled phrase data parses (tested)")
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.readings.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.readings.is_empty()
    }

    /// How `word` is read: every reading the dictionary gives the word itself; otherwise the
    /// word cut into the longest dictionary phrases from the left, each read as the dictionary
    /// reads it, and any character left over read by its usual reading (the `pinyin` crate's
    /// first). Empty when a character has no reading. At most [`MAX_READINGS`].
    pub fn read(&self, word: &str) -> Vec<Vec<String>> {
        if let Some(r) = self.readings.get(word) {
            return r.iter().take(MAX_READINGS).cloned().collect();
        }
        let chars: Vec<char> = word.chars().collect();
        let mut out: Vec<Vec<String>> = vec![Vec::new()];
        let mut at = 0;
        while at < chars.len() {
            let found = (2..=self.longest.min(chars.len() - at)).rev().find_map(|n| {
                let piece: String = chars[at..at + n].iter().collect();
                self.readings.get(&piece).map(|r| (n, r.clone()))
            });
            let (n, readings) = match found {
                Some(f) => f,
                None => match of_char(chars[at]).into_iter().next() {
                    Some(usual) => (1, vec![vec![usual]]),
                    None => return Vec::new(),
                },
            };
            out = out
                .iter()
                .flat_map(|prefix| readings.iter().map(move |r| [prefix.as_slice(), r].concat()))
                .take(MAX_READINGS)
                .collect();
            at += n;
        }
        out
    }
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
        assert!(of_char('重').contains(&"chong".to_string()));
        assert!(of_char('绿').contains(&"lv".to_string()));
    }

    #[test]
    fn words_are_read_as_words() {
        let phrases = Phrases::bundled(str::to_string);
        assert!(phrases.len() > 40_000);
        let read = |w: &str| phrases.read(w).into_iter().map(|r| r.join(" ")).collect::<Vec<_>>();
        assert_eq!(read("会计"), ["kuai ji"]);
        assert_eq!(read("空间"), ["kong jian"]);
        assert_eq!(read("重庆"), ["chong qing"]);
        assert_eq!(read("长期"), ["chang qi"]);
        // Not a phrase of the data: its longest phrases, then single characters.
        assert_eq!(read("会计长期"), ["kuai ji chang qi"]);
        assert_eq!(read("银行业"), ["yin hang ye"]);
        assert!(read("朝阳").contains(&"zhao yang".to_string()) && read("朝阳").contains(&"chao yang".to_string()));
        assert!(read("a").is_empty());
    }

    #[test]
    fn a_malformed_phrase_line_is_named() {
        let err = Phrases::parse("中国: zhōng guó\n北京 bei jing\n", "p.txt", str::to_string).unwrap_err();
        assert!(err.starts_with("p.txt:2:"), "{err}");
        assert!(Phrases::parse("中国: zhong\n", "p.txt", str::to_string).is_err());
    }

    #[test]
    fn gb2312_level_one_is_the_common_characters() {
        let chars = common_chars();
        assert_eq!(chars.len(), 3755);
        assert_eq!((chars[0], chars[chars.len() - 1]), ('啊', '座'));
        assert!(chars.contains(&'器') && chars.contains(&'气'));
    }
}
