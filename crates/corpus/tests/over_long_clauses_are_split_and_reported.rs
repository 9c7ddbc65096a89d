//! A clause longer than the limit becomes consecutive clauses at sentence ends, and the build
//! report names it; a clause within the limit is untouched. Folders are made under Cargo's
//! target temp dir (ignored).

use std::{fs, path::PathBuf};

use policy_search_corpus::{load_dir, MAX_CLAUSE_CHARS};

const SENTENCE: &str = "各地要加大对创新创业的支持力度，落实各项补贴政策。"; // 25 characters

#[test]
fn a_20_000_character_clause_is_split_and_reported_and_a_1_999_character_one_is_not() {
    let long = SENTENCE.repeat(800);
    let short = format!("{}{}。", SENTENCE.repeat(79), "测".repeat(23));
    assert_eq!((long.chars().count(), short.chars().count()), (20_000, 1_999));
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("corpus-cases").join("long-clause");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let file = dir.join("long.txt");
    fs::write(&file, format!("关于测试超长条款的通知\n一、总则\n（一）{long}\n（二）{short}\n")).unwrap();

    let corpus = load_dir(&dir).unwrap();
    let clauses = &corpus.documents[0].clauses;
    let pieces: Vec<_> = clauses.iter().filter(|c| c.clause == "1.1" || c.clause.starts_with("1.1-")).collect();
    assert!(pieces.len() >= 10, "{} pieces", pieces.len());
    assert!(pieces.iter().all(|c| c.text.chars().count() <= MAX_CLAUSE_CHARS && c.label == "（一）"));
    assert_eq!(pieces.iter().map(|c| c.text.as_str()).collect::<String>(), long);
    let ids: Vec<&str> = clauses.iter().map(|c| c.clause.as_str()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");

    let untouched: Vec<_> = clauses.iter().filter(|c| c.clause.starts_with("1.2")).collect();
    assert_eq!(untouched.len(), 1);
    assert_eq!((untouched[0].clause.as_str(), untouched[0].text.as_str()), ("1.2", short.as_str()));

    let expected = format!(
        "{}: clause 1.1 (20000 characters) split into {} clauses of at most 2000 characters",
        file.display(),
        pieces.len()
    );
    assert_eq!(corpus.report(), [expected]);
}
