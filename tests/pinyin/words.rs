//! The corpus's words with how the build read them, and the ways people type them; shared by
//! the pinyin test and the benchmark.

use policy_search::{Engine, SearchOptions};
use policy_search_lexicon::readings::Phrases;

/// The corpus's segmenter words (what people type) that a hanzi search finds in a clause, each
/// with how the build read it (a word only in a title is found by no search of clauses).
pub fn words(engine: &Engine<'_>) -> Vec<(String, Vec<String>)> {
    let phrases = Phrases::bundled(|s| engine.fold(s));
    let lexicon = engine.lexicon().expect("native builds embed the lexicon");
    let mut out = Vec::new();
    for (key, value) in lexicon.vocab().entries() {
        let word = policy_search_index::vocab::Word::unpack(value);
        if !(word.in_corpus && word.segmenter && word.suggest) {
            continue;
        }
        let text = engine.index().alphabet().decode(&key).unwrap();
        if engine.search(&text, &SearchOptions { pinyin: false, ..SearchOptions::default() }).unwrap().total == 0 {
            continue;
        }
        if let Some(reading) = phrases.read(&text).into_iter().next() {
            out.push((text, reading));
        }
    }
    out
}

/// `reading` as the accents of the south say it: zh/ch/sh as z/c/s, ang/eng/ing as an/en/in.
pub fn with_accent(reading: &[String]) -> String {
    reading
        .iter()
        .map(|s| {
            let s = s.replacen("zh", "z", 1).replacen("ch", "c", 1).replacen("sh", "s", 1);
            if s.ends_with("ang") || s.ends_with("eng") || s.ends_with("ing") {
                s[..s.len() - 1].to_string()
            } else {
                s
            }
        })
        .collect()
}
