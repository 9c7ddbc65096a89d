//! Rule `pinyin_gloss`: drop the pinyin an anti-scraping filter inserts after characters.
//!
//! `政(zheng)策` → `政策`, `創(chuang)(chuang)(chuang)新` → `創新`, `(二(er))` → `(二)`. A
//! parenthesis is a gloss only when it holds lower-case letters that are a reading of the
//! character right before it (heteronyms included), so `(AI)`, `(LPR)`, `(1)`, `(一)`,
//! `中国(杭州)` and a lower-case word after a character it does not spell all stay.

use pinyin::ToPinyinMulti;

/// Longest reading in the pinyin data (`chuang`, `zhuang`, `shuang`).
const MAX_SYLLABLE: usize = 6;

/// Removes every pinyin gloss from `line`.
pub fn strip_glosses(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if let (Some(&prev), Some(len)) = (out.last(), gloss_len(&chars[i..])) {
            let syllable: String = chars[i + 1..i + len - 1].iter().collect();
            if is_reading_of(&syllable, prev) {
                i += len;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out.into_iter().collect()
}

/// Length in chars of a `(letters)` group at the start of `rest`, if there is one.
fn gloss_len(rest: &[char]) -> Option<usize> {
    if !matches!(rest.first(), Some('(' | '（')) {
        return None;
    }
    let close = rest.iter().take(MAX_SYLLABLE + 2).position(|&c| matches!(c, ')' | '）'))?;
    let inner = &rest[1..close];
    (!inner.is_empty() && inner.iter().all(|c| c.is_ascii_lowercase() || *c == 'ü')).then_some(close + 1)
}

/// True when `syllable` (toneless, `v` or `ü` for ü) is one of `hanzi`'s readings.
fn is_reading_of(syllable: &str, hanzi: char) -> bool {
    let Some(readings) = hanzi.to_pinyin_multi() else { return false };
    let syllable = syllable.replace('ü', "v");
    readings.into_iter().any(|p| {
        let plain = p.plain().replace('ü', "v");
        plain == syllable || plain.replace('v', "u") == syllable
    })
}

#[cfg(test)]
mod tests {
    use super::strip_glosses;

    #[test]
    fn removes_glosses_after_their_character() {
        assert_eq!(strip_glosses("市級(ji)政(zheng)策法(fa)規"), "市級政策法規");
        assert_eq!(strip_glosses("創(chuang)(chuang)(chuang)新"), "創新");
        assert_eq!(strip_glosses("(二(er))基本(ben)原則"), "(二)基本原則");
        assert_eq!(strip_glosses("縣(市(shi))人民(min)政(zheng)府"), "縣(市)人民政府");
        assert_eq!(strip_glosses("全(quan)(quan)面"), "全面");
    }

    #[test]
    fn knows_heteronyms() {
        assert_eq!(strip_glosses("統(tong)籌協調(diao)"), "統籌協調");
        assert_eq!(strip_glosses("著(zhu)力"), "著力");
        assert_eq!(strip_glosses("成為(wei)"), "成為");
    }

    #[test]
    fn keeps_real_parentheses() {
        for text in [
            "人工智能(AI)等应用场景",
            "贷款市场报价利率(LPR)给予",
            "(1)研发资助",
            "(一)指导思想",
            "中国(杭州)知识产权保护中心",
            "滨江(binjiang)", // a word, but not the reading of 江
            "(zheng)策",      // nothing before it to gloss
            "政 (zheng)",     // not right after the character
        ] {
            assert_eq!(strip_glosses(text), text);
        }
    }
}
