//! A page whose body uses the words site chrome uses (经营许可证, 密码, 注册, 来源：, 侵权…删除, a
//! tax-rate table row) keeps every line of its body; only the leading and trailing chrome goes,
//! and the report lists exactly that. Folders are made under Cargo's target temp dir (ignored).

use std::{fs, path::PathBuf};

use policy_search_corpus::load_dir;

#[test]
fn no_body_line_is_removed_and_the_report_lists_exactly_the_chrome() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("corpus-cases").join("chrome-like-prose");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/chrome_like_prose.txt");
    let source = fs::read_to_string(&fixture).unwrap();
    let file = dir.join("law.txt");
    fs::write(&file, &source).unwrap();
    fs::write(dir.join(".draft.txt"), "草稿").unwrap();
    let corpus = load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let d = &corpus.documents[0];

    let chrome =
        [(1, "welcome_banner"), (2, "site_nav"), (3, "header"), (18, "site_nav"), (19, "copyright"), (20, "licence")];
    let removed: Vec<(usize, &str)> = d.removed.iter().map(|r| (r.line, r.rule.name())).collect();
    assert_eq!(removed, chrome);

    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace() && *c != '|').collect::<String>();
    let all: String = d
        .clauses
        .iter()
        .map(|c| {
            let path: String = c.path.iter().map(|h| format!("{}{}", h.label, h.title)).collect();
            squash(&format!("{path}{}{}", c.label, c.text))
        })
        .collect();
    for (i, line) in source.lines().enumerate() {
        if chrome.iter().any(|(n, _)| *n == i + 1) {
            continue;
        }
        // A table row is kept cell by cell (an attachment's row reads `标准：…`).
        for cell in line.split([' ', '|', '　']).filter(|c| !c.is_empty() && c.parse::<u32>().is_err()) {
            assert!(all.contains(&squash(cell)), "line {}: {cell:?} is in no clause", i + 1);
        }
    }

    let report = corpus.removed_report();
    let expected: String = d
        .removed
        .iter()
        .map(|r| format!("{}:{}: {}: {}\n", file.display(), r.line, r.rule, r.text))
        .chain([format!("{}: skipped, a hidden file\n", dir.join(".draft.txt").display())])
        .collect();
    assert_eq!(report, expected);
    let summary = corpus.summary(&dir.join("corpus-report.txt"));
    assert!(
        summary.starts_with("policy-search corpus: 1 document, ") && summary.ends_with("1 file skipped"),
        "{summary}"
    );
    assert!(summary.contains("6 lines removed"), "{summary}");
}
