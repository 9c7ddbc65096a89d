//! What the index keys: Han bigrams, the last character of every Han run alone, and
//! Latin/number tokens, of *folded* text.
//!
//! A lone Han character is found through the keys that start with it: every bigram it begins,
//! and its own key where it ends a run (`府` in `政府。`) — every occurrence is one or the
//! other, so a clause holding it holds one of those keys ([`crate::Index::postings`] takes the
//! union). Storing no unigram for characters inside runs halves the postings: common
//! characters' lists were nearly every clause.
//!
//! The same functions cut clause text at build time and query terms at query time, so the two
//! can never disagree (there is no word segmenter to disagree with). A token is a maximal run of
//! ASCII letters and digits, where a `.` between two digits stays inside (`2.5`, `3.7`).
//! A term's Latin/number tokens match whole tokens only: `5g` does not match inside `15g`.

use policy_search_normalize::is_han;

/// True when a boundary between `chars[pos - 1]` and `chars[pos]` lies strictly inside a token.
pub fn inside_token(chars: &[char], pos: usize) -> bool {
    if pos == 0 || pos >= chars.len() {
        return false;
    }
    let (a, b) = (chars[pos - 1], chars[pos]);
    let digit_at = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    (a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric())
        || (a == '.' && b.is_ascii_digit() && pos >= 2 && digit_at(pos - 2))
        || (a.is_ascii_digit() && b == '.' && digit_at(pos + 1))
}

/// Every key of a folded text, in text order, with repeats.
pub fn keys(folded: &str) -> Vec<String> {
    keys_at(&folded.chars().collect::<Vec<_>>()).into_iter().map(|(k, _)| k).collect()
}

/// Every key of a folded text with the character offset it starts at, in text order.
pub fn keys_at(chars: &[char]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_han(c) {
            match chars.get(i + 1) {
                Some(&n) if is_han(n) => out.push(([c, n].iter().collect(), i)),
                _ => out.push((c.to_string(), i)), // the end of a run
            }
            i += 1;
        } else if c.is_ascii_alphanumeric() {
            let start = i;
            i += 1;
            while inside_token(chars, i) {
                i += 1;
            }
            out.push((chars[start..i].iter().collect(), start));
        } else {
            i += 1;
        }
    }
    out
}

/// The keys of a term with their offsets in it, such that a clause holds the term at `s`
/// exactly when it holds each key at `s + offset`: its bigrams (a lone Han character as
/// itself, read through the keys it begins) and its tokens. `None` when the term has a
/// character no key holds (punctuation, symbols): then only its text can tell.
pub fn term_keys_at(term: &[char]) -> Option<Vec<(String, usize)>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < term.len() {
        let run = term[i..].iter().take_while(|&&c| is_han(c)).count();
        if run == 1 {
            out.push((term[i].to_string(), i));
        }
        for (j, pair) in term[i..i + run].windows(2).enumerate() {
            out.push((pair.iter().collect(), i + j));
        }
        if run > 0 {
            i += run;
        } else if term[i].is_ascii_alphanumeric() {
            let start = i;
            i += 1;
            while inside_token(term, i) {
                i += 1;
            }
            out.push((term[start..i].iter().collect(), start));
        } else {
            return None;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The keys every clause matching `term` (folded) must have: its bigrams (or its lone Han
/// character, which [`crate::Index::postings`] reads through the keys it begins) and its tokens. Empty when the term has nothing indexable (punctuation only).
pub fn term_keys(term: &str) -> Vec<String> {
    let chars: Vec<char> = term.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut add = |k: String| {
        if !out.contains(&k) {
            out.push(k);
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|&&c| is_han(c)).count();
        if run == 1 {
            add(chars[i].to_string());
        }
        for pair in chars[i..i + run].windows(2) {
            add(pair.iter().collect());
        }
        if run > 0 {
            i += run;
            continue;
        }
        if chars[i].is_ascii_alphanumeric() {
            let start = i;
            i += 1;
            while inside_token(&chars, i) {
                i += 1;
            }
            add(chars[start..i].iter().collect());
        } else {
            i += 1;
        }
    }
    out
}

/// Character offsets of every occurrence of `term` in `folded` that starts and ends on token
/// boundaries: the definition of a match, shared by the engine and brute-force checks.
pub fn occurrences(folded: &[char], term: &[char]) -> Vec<usize> {
    if term.is_empty() || term.len() > folded.len() {
        return Vec::new();
    }
    // Test the first character before comparing slices: most positions fail there, and a
    // slice comparison is a call (memcmp) in a size-optimised build.
    (0..=folded.len() - term.len())
        .filter(|&i| folded[i] == term[0] && folded[i + 1..i + term.len()] == term[1..])
        .filter(|&i| !inside_token(folded, i) && !inside_token(folded, i + term.len()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn keys_are_bigrams_run_ends_and_tokens() {
        assert_eq!(keys("双创g60科创,5g×ai 3.7%"), ["双创", "创", "g60", "科创", "创", "5g", "ai", "3.7"]);
        assert_eq!(keys("1.政府"), ["1", "政府", "府"]);
        assert_eq!(keys("的"), ["的"]);
    }

    #[test]
    fn term_keys_need_only_bigrams() {
        assert_eq!(term_keys("知识产权"), ["知识", "识产", "产权"]);
        assert_eq!(term_keys("的"), ["的"]);
        assert_eq!(term_keys("2亿元"), ["2", "亿元"]);
        assert_eq!(term_keys("g60科创走廊"), ["g60", "科创", "创走", "走廊"]);
        assert!(term_keys("“”。").is_empty());
    }

    #[test]
    fn term_keys_carry_their_offsets() {
        let at = |s: &str| term_keys_at(&chars(s));
        assert_eq!(at("g60科创"), Some(vec![("g60".into(), 0), ("科创".into(), 3)]));
        assert_eq!(at("识产识产"), Some(vec![("识产".into(), 0), ("产识".into(), 1), ("识产".into(), 2)]));
        assert_eq!(at("府"), Some(vec![("府".into(), 0)]));
        assert_eq!(at("2.5%"), None);
        assert_eq!(keys_at(&chars("1.政府")), [("1".into(), 0), ("政府".into(), 2), ("府".into(), 3)]);
    }

    #[test]
    fn tokens_match_whole() {
        assert_eq!(occurrences(&chars("通过ipo、并购"), &chars("ipo")), [2]);
        assert!(occurrences(&chars("不少于12亿元"), &chars("2亿元")).is_empty());
        assert!(occurrences(&chars("不少于2.5亿元"), &chars("5亿元")).is_empty());
        assert_eq!(occurrences(&chars("不少于2.5亿元"), &chars("2.5亿")), [3]);
        assert_eq!(occurrences(&chars("识产权识产"), &chars("识产")), [0, 3]);
    }
}
