//! An index spells its keys in at most `alphabet::MAX_CHARS` distinct characters. A corpus that
//! writes more (a dump of every CJK extension, say) is refused with a message naming the document
//! with which it passes the limit — an error, not a panic (in the browser's indexer a panic
//! would kill the page's worker).

use std::path::Path;

use policy_search_corpus::{load_files, CorpusFile};
use policy_search_index::alphabet::MAX_CHARS;
use policy_search_indexer::Indexer;

/// A document titled `title` whose clauses write the characters of `chars`, 100 a clause.
fn document(title: &str, chars: impl Iterator<Item = char>) -> Vec<u8> {
    let chars: Vec<char> = chars.collect();
    let clauses: Vec<String> = chars
        .chunks(100)
        .enumerate()
        .map(|(i, part)| format!("第{}条　{}。", i + 1, part.iter().collect::<String>()))
        .collect();
    format!("{title}\n{}\n", clauses.join("\n")).into_bytes()
}

#[test]
fn the_document_that_passes_the_limit_is_named() {
    // CJK Extension B alone holds 42 720 characters; with A, C, D, E and F, 66 923; Hangul
    // syllables add 11 172 and the URO 20 992: past the limit only with the third document.
    let ranges_a = [(0x20000u32, 0x2A6DF), (0x3400, 0x4DBF)];
    let ranges_b = [(0x2A700, 0x2EBE0), (0xAC00, 0xD7A3)];
    let ranges_c = [(0x4E00u32, 0x9FFF)];
    let chars = |ranges: &[(u32, u32)]| {
        ranges.iter().flat_map(|&(a, b)| (a..=b).filter_map(char::from_u32)).collect::<Vec<_>>().into_iter()
    };
    let files = vec![
        CorpusFile { name: "a.txt".into(), bytes: document("甲规定", chars(&ranges_a)) },
        CorpusFile { name: "b.txt".into(), bytes: document("乙规定", chars(&ranges_b)) },
        CorpusFile { name: "c.txt".into(), bytes: document("丙规定", chars(&ranges_c)) },
    ];
    let corpus = load_files(Path::new("portal"), files).unwrap_or_else(|e| panic!("{e}"));
    let error = Indexer::new(&corpus).err().expect("refused");
    assert!(error.starts_with("portal/c.txt: "), "{error}");
    assert!(error.contains(&MAX_CHARS.to_string()), "{error}");
}
