//! Cleaning report for a corpus folder: every clause, every clause split for length, and every
//! removed line with its rule; with `--removed`, then the files skipped or read in a guessed
//! encoding.
//!
//! `cargo run -p policy-search-corpus --example report -- seeds [--removed]`

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "seeds".into());
    let show_removed = args.any(|a| a == "--removed");
    let corpus = match policy_search_corpus::load_dir(std::path::Path::new(&dir)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    for doc in &corpus.documents {
        let m = &doc.meta;
        println!(
            "# {} 《{}》 {:?} issuer={:?} published={:?} effective={:?} expires={:?} status={:?} source={:?}",
            m.doc,
            m.title,
            m.number,
            m.issuer,
            m.published.map(|d| d.to_string()),
            m.effective.map(|d| d.to_string()),
            m.expires.map(|d| d.to_string()),
            m.status,
            m.source
        );
        for c in &doc.clauses {
            let path: Vec<String> = c.path.iter().map(|h| format!("{}{}", h.label, h.title)).collect();
            let text: String = c.text.chars().take(40).collect();
            println!(
                "  [{}] {} | {} | h={:?} | {} | units={:?}",
                c.clause,
                c.label,
                path.join(" › "),
                c.heading,
                text.replace('\n', "⏎"),
                c.units
            );
        }
        for s in &doc.split {
            println!("  ~ {} ({} characters) split into {} clauses", s.clause, s.chars, s.pieces);
        }
        if show_removed {
            for r in &doc.removed {
                println!("  - L{} {}: {}", r.line, r.rule, r.text);
            }
        }
    }
    if show_removed {
        for line in corpus.warnings() {
            println!("! {line}");
        }
    }
}
