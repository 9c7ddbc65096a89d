//! Each clause's keywords: the few terms most particular to it, what related searches are
//! made of. At query time the keywords shared by the clauses that answer a query are offered
//! beside it (`src/query/natural/related.rs`), so they must be terms a visitor would type:
//! nouns, by jieba's part-of-speech tags (`n…`, `vn`: 租金, 人才公寓), or a run of words the
//! vocabulary holds as one term and that ends in a noun (众创 + 空间 → 众创空间); not verbs,
//! adverbs or phrases (完成, 特别, 予以支持); not stop words; held by more than this clause (a
//! related search leads somewhere) and by few enough texts that they say something about it.
//!
//! Each term scores `tf · ln(N / df)` (its count in the clause; the texts holding it); the best
//! [`PER_CLAUSE`] are kept, as character spans of the clause's text.

use std::collections::{BTreeMap, BTreeSet};

use jieba_rs::Jieba;

use crate::vocabulary::{Entry, MAX_WORD_CHARS};

/// Keywords kept per clause.
pub const PER_CLAUSE: usize = 3;

/// True for jieba's tags of nouns and nominal verbs (`n`, `nr`, `ns`, `nt`, `nz`, `vn` …).
fn nominal(tag: &str) -> bool {
    tag.starts_with('n') || tag == "vn"
}

/// The keywords of every one of `texts` (folded clause texts, cut by `jieba`; `words`: the
/// vocabulary of those texts and the titles, `total` texts in all), as `[start, len]`
/// character spans, best first.
pub fn keywords(
    jieba: &Jieba,
    texts: &[String],
    total: usize,
    words: &BTreeMap<String, Entry>,
    stop: &BTreeSet<String>,
) -> Vec<Vec<[u32; 2]>> {
    // In at least two texts, at most a fifth of them (and at least those two: a small corpus).
    let most = (total / 5).max(2);
    let usable =
        |w: &str| words.get(w).filter(|e| e.suggest && (2..=most).contains(&e.texts) && !stop.contains(w)).copied();
    texts
        .iter()
        .map(|text| {
            let tags = jieba.tag(text, true);
            // term → (count, first start, its length, texts holding it)
            let mut found: BTreeMap<String, (u32, u32, u32, usize)> = BTreeMap::new();
            let mut i = 0;
            while i < tags.len() {
                // The longest run of words from here that the vocabulary holds as one term.
                let mut term = None;
                let mut joined = String::new();
                for (j, tag) in tags.iter().enumerate().skip(i) {
                    joined.push_str(tag.word);
                    if joined.chars().count() > MAX_WORD_CHARS {
                        break;
                    }
                    if nominal(tag.tag) {
                        if let Some(e) = usable(&joined) {
                            term = Some((j, joined.clone(), e.texts));
                        }
                    }
                }
                match term {
                    Some((j, w, df)) => {
                        let (start, end) = (tags[i].start as u32, tags[j].end as u32);
                        found.entry(w).or_insert((0, start, end - start, df)).0 += 1;
                        i = j + 1;
                    }
                    None => i += 1,
                }
            }
            let score = |&(tf, _, _, df): &(u32, u32, u32, usize)| f64::from(tf) * (total as f64 / df as f64).ln();
            let mut ranked: Vec<_> = found.into_values().collect();
            ranked.sort_by(|a, b| score(b).total_cmp(&score(a)).then(a.1.cmp(&b.1)));
            ranked.into_iter().take(PER_CLAUSE).map(|(_, start, len, _)| [start, len]).collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::Source;

    #[test]
    fn keeps_the_rarer_recurring_words_as_spans() {
        let entry = |texts, suggest| Entry { source: Source::Segmenter, texts, suggest };
        let words: BTreeMap<String, Entry> = [
            ("人才公寓", entry(3, true)),
            ("人才", entry(9, true)),
            ("租金", entry(2, true)),
            ("减半", entry(1, true)),
            ("公寓租", entry(3, false)),
            ("可以", entry(4, true)),
        ]
        .into_iter()
        .map(|(w, e)| (w.to_string(), e))
        .collect();
        let stop: BTreeSet<String> = ["可以".to_string()].into();
        let texts = ["引进人才可以申请人才公寓，租金减半。".to_string()];
        let spans = &keywords(&crate::vocabulary::segmenter(), &texts, 20, &words, &stop)[0];
        let words_of = |spans: &[[u32; 2]]| -> Vec<String> {
            let chars: Vec<char> = texts[0].chars().collect();
            spans.iter().map(|&[s, n]| chars[s as usize..(s + n) as usize].iter().collect()).collect()
        };
        // 人才 is in 9 of 20 texts (more than a fifth), 减半 in this one alone, 可以 a stop
        // word, 公寓租 no completion; 人才公寓 is read whole, not as 人才 + 公寓.
        assert_eq!(words_of(spans), ["租金", "人才公寓"]);
    }
}
