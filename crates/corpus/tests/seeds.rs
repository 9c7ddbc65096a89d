//! The corpus pipeline on the five seed documents: what is removed, what is kept, how clauses nest.

use std::{collections::BTreeMap, path::Path};

use policy_search_corpus::{load_dir, segment::marker, Clause, Corpus, Document};
use policy_search_normalize::{fold, FoldTable};

fn corpus() -> &'static Corpus {
    static CORPUS: std::sync::OnceLock<Corpus> = std::sync::OnceLock::new();
    CORPUS.get_or_init(|| {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        load_dir(&seeds).expect("the seed corpus loads")
    })
}

fn doc(prefix: &str) -> &'static Document {
    corpus().documents.iter().find(|d| d.meta.doc.starts_with(prefix)).unwrap()
}

fn raw(prefix: &str) -> String {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let file = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(prefix))
        .unwrap();
    std::fs::read_to_string(file).unwrap()
}

/// The line numbers of each seed that are not policy text, labelled by hand from the source.
fn not_policy_text(prefix: &str) -> Vec<usize> {
    match prefix {
        // spam, short headline, metadata bar, title, 文号, signature, date
        "000" => vec![1, 3, 5, 7, 11, 77, 79],
        "001" => vec![],
        // title, metadata bar ×3, title block ×4, signature, date, empty 附件 label
        "002" => vec![1, 2, 3, 4, 7, 9, 11, 13, 21, 23, 131],
        // welcome, login ×4 and its select, breadcrumb, title, metadata bar, spam
        "003" => vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 109],
        // hotline ×2, nav ×3, breadcrumb, title, metadata bar, 图片 ×3, signature ×3, footer
        "004" => [1, 2, 4, 5, 7, 8, 10, 12, 20, 30, 100, 120, 122, 124].into_iter().chain(126..=142).collect(),
        _ => unreachable!(),
    }
}

const DOCS: [&str; 5] = ["000", "001", "002", "003", "004"];

/// A clause's label kind, for counting clauses per level.
fn level(c: &Clause) -> &'static str {
    match c.clause.as_str() {
        "preamble" => "preamble",
        "closing" => "closing",
        id if id.starts_with("att") => "row",
        _ => match c.label.chars().next() {
            Some('P') => "PART",
            Some('—') => "——",
            Some('（') if c.label.chars().nth(1).is_some_and(|ch| ch.is_ascii_digit()) => "（1）",
            Some('（') => "（一）",
            Some(ch) if ch.is_ascii_digit() => "1.",
            _ => "一、",
        },
    }
}

fn counts(prefix: &str) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    for c in &doc(prefix).clauses {
        *m.entry(level(c)).or_default() += 1;
    }
    m
}

#[test]
fn clause_counts_per_level() {
    let expect = |pairs: &[(&'static str, usize)]| pairs.iter().copied().collect::<BTreeMap<_, _>>();
    assert_eq!(counts("000"), expect(&[("preamble", 1), ("（一）", 13), ("1.", 5), ("closing", 1)]));
    assert_eq!(counts("001"), expect(&[("1.", 5), ("（一）", 4), ("row", 3)]));
    assert_eq!(counts("002"), expect(&[("preamble", 1), ("一、", 6), ("——", 5), ("（一）", 30), ("closing", 1)]));
    assert_eq!(counts("003"), expect(&[("preamble", 1), ("（一）", 7), ("——", 3), ("1.", 26)]));
    assert_eq!(counts("004"), expect(&[("preamble", 1), ("PART", 1), ("1.", 29), ("（1）", 4)]));
}

#[test]
fn removes_exactly_the_lines_that_are_not_policy_text() {
    for prefix in DOCS {
        let removed: Vec<usize> = doc(prefix).removed.iter().map(|r| r.line).collect();
        assert_eq!(removed, not_policy_text(prefix), "{prefix}: {:#?}", doc(prefix).removed);
    }
}

/// Removes `(pinyin)` after a non-ASCII character or another gloss: the test's own, simpler rule.
fn strip_glosses_for_test(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '(' && i > 0 && (!chars[i - 1].is_ascii() || chars[i - 1] == ')') {
            if let Some(len) = chars[i + 1..].iter().position(|&c| c == ')') {
                if (1..=6).contains(&len) && chars[i + 1..i + 1 + len].iter().all(|c| c.is_ascii_lowercase()) {
                    i += len + 2;
                    continue;
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn squash(text: &str) -> String {
    fold(&text.chars().filter(|c| !c.is_whitespace()).collect::<String>(), FoldTable::full())
}

#[test]
fn every_policy_sentence_is_in_some_clause() {
    for prefix in DOCS {
        let d = doc(prefix);
        let haystacks: Vec<String> = d
            .clauses
            .iter()
            .map(|c| {
                let path: String = c.path.iter().map(|h| format!("{}{}\n", h.label, h.title)).collect();
                squash(&format!("{path}{}{}", c.label, c.text.replace('\n', "")))
            })
            .collect();
        let all = haystacks.concat();
        let skip = not_policy_text(prefix);
        let mut checked = 0;
        for (i, line) in raw(prefix).lines().enumerate() {
            if skip.contains(&(i + 1)) {
                continue;
            }
            // The one repair the cleaner makes: a 文号 gets back its lost closing bracket.
            let line = policy_search_normalize::docnumber::repair_brackets(&strip_glosses_for_test(line));
            let cells: Vec<&str> = line.split_whitespace().collect();
            let pieces: Vec<String> =
                if cells.len() >= 3 && cells[0].chars().all(|c| c.is_ascii_digit() || c == '序' || c == '号') {
                    cells[1..].iter().map(|c| c.to_string()).collect() // a table row: its cells
                } else {
                    let text = squash(&line);
                    let text = match marker::parse(&text) {
                        Some(m) => text[m.rest..].to_string(),
                        None => text.trim_start_matches('—').to_string(),
                    };
                    text.split(['。', '；', ':', '：']).map(str::to_string).collect()
                };
            for piece in pieces.iter().map(|p| squash(p)).filter(|p| p.chars().count() >= 2) {
                checked += 1;
                assert!(all.contains(&piece), "{prefix} line {}: {piece:?} is in no clause", i + 1);
            }
        }
        assert!(checked > 20, "{prefix}: only {checked} sentences checked");
    }
}

#[test]
fn no_chrome_spam_or_gloss_reaches_a_clause() {
    let banned = [
        "久久",
        "免费",
        "视频",
        "浏览",
        "阅读",
        "发布时间",
        "发布日期",
        "登录",
        "用户名",
        "欢迎来到",
        "首页",
        "icp",
        "上一条",
        "下一条",
        "点击这里",
        "图片",
        "part0",
        "0571",
        "main",
        "热线",
        "版权",
        "网址",
        "关键词",
        "(zheng)",
        "(chuang)",
        "(er)",
        "主题分类",
        "索引号",
        "人才在线",
    ];
    for d in &corpus().documents {
        for c in &d.clauses {
            let text = squash(&format!("{}{}", c.text, c.path.iter().map(|h| h.title.as_str()).collect::<String>()));
            for b in banned {
                assert!(!text.contains(b), "{} {} contains {b:?}", d.meta.doc, c.clause);
            }
            let chars: Vec<char> = c.text.chars().collect();
            for w in chars.windows(3) {
                assert!(
                    !(policy_search_normalize::is_han(w[0]) && w[1] == '(' && w[2].is_ascii_lowercase()),
                    "{} {}: gloss left in {:?}",
                    d.meta.doc,
                    c.clause,
                    c.text
                );
            }
        }
    }
}

fn clause<'a>(prefix: &str, id: &str) -> &'a Clause {
    doc(prefix).clauses.iter().find(|c| c.clause == id).unwrap_or_else(|| panic!("{prefix} has no clause {id}"))
}

fn breadcrumb(c: &Clause) -> String {
    c.path.iter().map(|h| format!("{}{}", h.label, h.title)).collect::<Vec<_>>().join(" › ")
}

#[test]
fn breadcrumbs_headings_and_units() {
    let c = clause("000", "1.2.1");
    assert_eq!(breadcrumb(c), "一、總體要求 › （二）基本原則");
    assert_eq!(c.heading.as_deref(), Some("政府+市場"));
    let c = clause("000", "4.13");
    assert_eq!(c.label, "（十三）", "十三) lost its bracket in the source");
    assert_eq!(breadcrumb(c), "四、完善全國“雙創”示范城建設推進機制");
    let c = clause("001", "5.4");
    assert_eq!(breadcrumb(c), "五、保障措施");
    assert_eq!(c.heading.as_deref(), Some("完善评估机制"));
    let c = clause("001", "att1.2");
    assert_eq!(breadcrumb(c), "附件杭州市“十四五”期间高新技术产业重大投资项目清单");
    assert_eq!(
        c.text,
        "领域：云计算和大数据；项目名称：浙江云计算机数据中心项目；施工单位：浙江云计算数据中心有限公司"
    );
    let c = clause("002", "2");
    assert!(c.text.contains("强化知识产权保护,促进技术成果交易"), "the line broken inside 保护 is joined");
    let c = clause("002", "5.5");
    assert_eq!(breadcrumb(c), "五、完善人才流动激励机制");
    assert_eq!(c.units, ["市农牧局", "市人社局", "市国土资源局", "市科技局"]);
    let c = clause("003", "2.1.2");
    assert_eq!(breadcrumb(c), "二、重點任務 › （一）優化規劃布局,構建“網絡化、全覆蓋”的孵化體系");
    assert_eq!(c.units, ["各縣(市、區)政府", "嘉興經濟技術開發區(國際商務區)", "嘉興港區"]);
    let c = clause("004", "2.3.14");
    assert_eq!(breadcrumb(c), "PART 02政策措施 › （三）强化企业梯队培育,助推全域企业提质提级");
    let c = clause("004", "3.4.2");
    assert_eq!(c.heading.as_deref(), Some("投资资助"));
    assert!(c.text.contains("(LPR)"));
    assert!(clause("000", "3.8").text.contains("人工智能(AI)"));
    assert!(!clause("000", "1.2.1").text.contains("(二)") && clause("000", "1.1").text.starts_with("指導思想"));
}

#[test]
fn document_metadata() {
    let m = |p| &doc(p).meta;
    assert_eq!(m("000").title, "杭州市人民政府關于推動創新創業高質量發展打造全國“雙創”示范城的實施意見");
    assert_eq!(m("000").number.as_deref(), Some("杭政〔2019〕55號"));
    assert_eq!(m("000").issuer, ["杭州市人民政府"]);
    assert_eq!(m("000").published.unwrap().to_string(), "2019-09-06");
    assert_eq!(m("000").effective.unwrap().to_string(), "2019-10-06");
    assert_eq!(m("001").title, "杭州市“十四五”高新技术产业发展规划", "from seeds/manifest.toml");
    assert_eq!(m("001").expires.unwrap().to_string(), "2025-12-31", "the period's end");
    assert_eq!(m("002").number.as_deref(), Some("平政发〔2018〕67号"));
    assert_eq!(m("002").published.unwrap().to_string(), "2018-07-30", "the signature's 2018730");
    assert_eq!(m("002").written, m("002").published, "成文日期: the signature's date, which dates its issue too");
    assert_eq!(m("002").topic.as_deref(), Some("其他"), "its page-data line's 主题分类");
    assert_eq!(m("000").topic, None, "no page states one: never guessed");
    assert_eq!(m("002").effective, None, "it states no date it takes effect");
    assert_eq!(m("003").period.as_deref(), Some("2016~2018"));
    assert_eq!(m("003").expires.unwrap().to_string(), "2018-12-31");
    assert_eq!(m("003").source.as_deref(), Some("嘉興人才在線"));
    assert_eq!(m("004").issuer, ["杭州高新技术产业开发区管理委员会", "杭州市滨江区人民政府"]);
    assert_eq!(m("004").effective.unwrap().to_string(), "2024-11-25");
    assert_eq!(m("004").source.as_deref(), Some("51kjxm.com"));
}

#[test]
fn bad_input_names_the_file_and_the_problem() {
    let dir = std::env::temp_dir().join(format!("policy-search-bad-{}", std::process::id()));
    let case = |files: &[(&str, &[u8])]| {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, bytes) in files {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
        load_dir(&dir).unwrap_err().to_string()
    };
    let ok_doc = "关于测试的通知\n一、总则\n(一)本通知用于测试。内容。\n".as_bytes();
    let e = case(&[("a.txt", &[0xff, 0xfe, 0x41])]);
    assert!(e.contains("a.txt") && e.contains("UTF-8"), "{e}");
    let e = case(&[("a.txt", b"  \n\n")]);
    assert!(e.contains("a.txt") && e.contains("empty"), "{e}");
    let e = case(&[("a.txt", "首页\n关闭\n".as_bytes())]);
    assert!(e.contains("a.txt") && e.contains("no policy text"), "{e}");
    let e = case(&[("a.txt", ok_doc), ("manifest.toml", b"[files.\"b\"]\ntitle = \"x\"\n")]);
    assert!(e.contains("manifest.toml") && e.contains("no such file b.txt"), "{e}");
    let e = case(&[("a.txt", ok_doc), ("manifest.toml", b"[files.\"a\"]\nauthor = \"x\"\n")]);
    assert!(e.contains("manifest.toml") && e.contains("author"), "{e}");
    let e = case(&[("a.txt", ok_doc), ("manifest.toml", b"as_of = \n")]);
    assert!(e.contains("manifest.toml"), "{e}");
    let e = case(&[("a.txt", ok_doc), ("notes.md", b"hi")]);
    assert!(e.contains("notes.md"), "{e}");
    let e = case(&[("a.txt", "一、总则\n(一)本办法用于测试。内容。\n".as_bytes())]);
    assert!(e.contains("a.txt") && e.contains("no title"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cr_and_crlf_line_endings_read_like_lf() {
    let original = doc("002");
    let text = raw("002");
    for (name, ending) in [("CR", "\r"), ("CRLF", "\r\n")] {
        let converted = text.replace('\n', ending);
        let again = policy_search_corpus::parse_document(&original.meta.doc, &converted, None)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(again.meta.title, original.meta.title, "{name}");
        assert_eq!(again.clauses, original.clauses, "{name}");
    }
}

#[test]
fn responsible_units_are_named_once_per_city_and_alias() {
    use policy_search_corpus::units::unit_table;
    let docs = &corpus().documents;
    let table = unit_table(docs);
    assert_eq!(table.clause_units.len(), docs.iter().map(|d| d.clauses.len()).sum::<usize>());
    let unit = |doc: &str, written: &str| -> Vec<String> {
        let d = docs.iter().position(|d| d.meta.doc.starts_with(doc)).unwrap();
        let first = docs[..d].iter().map(|d| d.clauses.len()).sum::<usize>();
        let (i, c) = docs[d].clauses.iter().enumerate().find(|(_, c)| c.units.iter().any(|u| u == written)).unwrap();
        let at = c.units.iter().position(|u| u == written).unwrap();
        table.units[table.clause_units[first + i][at] as usize].clone()
    };
    // A city's bureau is placed in its city; Pingliang's 市科技局 is another body.
    assert_eq!(unit("000", "市科技局")[0], "杭州市科技局");
    assert_eq!(unit("002", "市科技局")[0], "平凉市科技局");
    // Written with and without the alias, one unit.
    assert_eq!(unit("003", "市發展改革委"), unit("003", "市發展改革委(服務業發展局)"));
    // `A（B）`: the corpus says A is also B.
    let merged = unit("003", "市委組織部(市人才辦)");
    assert_eq!(merged, ["市委組織部", "市人才辦"]);
    // `各县（市、区）政府` is one name, not an alias.
    assert_eq!(unit("003", "各縣(市、區)政府"), ["各縣(市、區)政府"]);
    // 003 names no city in its issuers or title: its relative units stay its own, and say so.
    assert_eq!(table.unplaced, ["003_fa3694bf91580ccf"]);
    // In-sentence leads are read too: 由市發改委具體牽頭推進.
    assert_eq!(unit("000", "市發改委")[0], "杭州市發改委");
}
