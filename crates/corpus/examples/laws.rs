//! Scale check on a folder of laws: every article of the source must be a clause, and no line
//! but the title may be removed.
//!
//! `cargo run --release -p policy-search-corpus --example laws -- DIR ARTICLES.tsv`
//!
//! `DIR` holds one text file per law (its title line, then its articles); `ARTICLES.tsv` lists
//! each article as `file stem \t number \t text`. Nothing here is committed data: the folder is
//! written by hand from a public law collection (see docs/corpus.md).

use std::{collections::BTreeMap, path::Path, process};

use policy_search_corpus::load_dir;
use policy_search_normalize::{fold, FoldTable};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, articles] = args.as_slice() else {
        eprintln!("usage: laws DIR ARTICLES.tsv");
        process::exit(2);
    };
    let corpus = load_dir(Path::new(dir)).unwrap_or_else(|e| {
        eprintln!("error: {e}");
        process::exit(1);
    });
    let squash = |s: &str| fold(&s.chars().filter(|c| !c.is_whitespace()).collect::<String>(), FoldTable::full());

    // Each article's clauses (`art12`, its items `art12.1`, its pieces `art12-2`), label and
    // text run together, as the source writes them.
    let mut cited: BTreeMap<(&str, u32), String> = BTreeMap::new();
    let mut clauses = 0;
    for d in &corpus.documents {
        clauses += d.clauses.len();
        for c in &d.clauses {
            let Some(number) = c.clause.strip_prefix("art") else { continue };
            let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
            let Ok(n) = digits.parse() else { continue };
            let own_label = if c.clause == format!("art{n}") { "" } else { c.label.as_str() };
            cited.entry((d.meta.doc.as_str(), n)).or_default().push_str(&squash(&format!("{own_label}{}", c.text)));
        }
    }
    let text = std::fs::read_to_string(articles).unwrap_or_else(|e| {
        eprintln!("error: {articles}: {e}");
        process::exit(1);
    });
    let (mut total, mut missing) = (0, Vec::new());
    for line in text.lines() {
        let mut cells = line.splitn(3, '\t');
        let (Some(doc), Some(n), Some(body)) = (cells.next(), cells.next(), cells.next()) else { continue };
        total += 1;
        let n: u32 = n.parse().unwrap_or(0);
        let found = cited.get(&(doc, n)).is_some_and(|c| c.contains(&squash(body)));
        if !found {
            missing.push(format!("{doc} 第{n}条: {}", body.chars().take(60).collect::<String>()));
        }
    }
    let mut rules: BTreeMap<&str, usize> = BTreeMap::new();
    let mut body_removed = Vec::new();
    for d in &corpus.documents {
        for r in &d.removed {
            *rules.entry(r.rule.name()).or_default() += 1;
            if r.text != d.meta.title {
                body_removed.push(format!("{} L{} {}: {}", d.meta.doc, r.line, r.rule, r.text));
            }
        }
    }
    println!(
        "{} documents, {clauses} clauses, {} article clauses; {total} source articles, {} not found as a clause",
        corpus.documents.len(),
        cited.len(),
        missing.len()
    );
    println!("removed lines by rule: {rules:?}; {} removed lines other than a title", body_removed.len());
    println!("skipped: {:?}", corpus.skipped);
    for m in missing.iter().take(20) {
        println!("  missing {m}");
    }
    for r in body_removed.iter().take(20) {
        println!("  removed {r}");
    }
}
