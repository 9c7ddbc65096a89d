//! A law (a code with 编, 分编, 章, 节 and articles past a thousand, its title ending in 法典, an
//! 附件 with a table): every 第N条 is its own clause, cited by its number, with 编/章/节 as its
//! breadcrumb. Folders are made under Cargo's target temp dir (ignored).

use std::{fs, path::PathBuf, sync::LazyLock};

use policy_search_corpus::{load_dir, title, Clause, Document};

/// The code, read once: the tests run in parallel threads, and a folder written by each would be
/// emptied by one while another reads it.
static CODE: LazyLock<Document> = LazyLock::new(|| {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("corpus-cases").join("civil-code");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/civil_code.txt");
    fs::copy(fixture, dir.join("civil_code.txt")).unwrap();
    load_dir(&dir).unwrap_or_else(|e| panic!("{e}")).documents.remove(0)
});

fn code() -> &'static Document {
    &CODE
}

fn breadcrumb(c: &Clause) -> String {
    c.path.iter().map(|h| format!("{}{}", h.label, h.title)).collect::<Vec<_>>().join(" › ")
}

#[test]
fn every_article_is_a_clause_with_its_number_and_breadcrumb() {
    let d = code();
    let got: Vec<(&str, &str, String)> =
        d.clauses.iter().map(|c| (c.clause.as_str(), c.label.as_str(), breadcrumb(c))).collect();
    let book1 = "第一编总则";
    let tort = "第七编侵权责任 › 第十章建筑物和物件损害责任";
    let expected = [
        ("art1", "第一条", format!("{book1} › 第一章基本规定")),
        ("art2", "第二条", format!("{book1} › 第一章基本规定")),
        ("art13", "第十三条", format!("{book1} › 第二章自然人 › 第一节民事权利能力和民事行为能力")),
        ("art14", "第十四条", format!("{book1} › 第二章自然人 › 第一节民事权利能力和民事行为能力")),
        ("art205", "第二百零五条", "第二编物权 › 第一分编通则 › 第一章一般规定".to_string()),
        ("art595", "第五百九十五条", "第三编合同 › 第二分编典型合同 › 第九章买卖合同".to_string()),
        ("art999", "第九百九十九条", tort.to_string()),
        ("art1000", "第一千条", tort.to_string()),
        ("art1001", "第一千零一条", tort.to_string()),
        ("art1001.1", "（一）", format!("{tort} › 第一千零一条下列情形")),
        ("art1001.2", "（二）", format!("{tort} › 第一千零一条下列情形")),
        ("art1259", "第一千二百五十九条", tort.to_string()),
        ("art1260", "第一千二百六十条", tort.to_string()),
        ("att1.1", "", "附件示例收费标准".to_string()),
        ("att1.2", "", "附件示例收费标准".to_string()),
    ];
    let expected: Vec<(&str, &str, String)> = expected.iter().map(|(a, b, c)| (*a, *b, c.clone())).collect();
    assert_eq!(got, expected);
}

#[test]
fn an_article_keeps_its_whole_text_and_no_heading() {
    let d = code();
    let article = |id: &str| d.clauses.iter().find(|c| c.clause == id).unwrap();
    assert_eq!(article("art14").text, "自然人的民事权利能力一律平等。");
    assert_eq!(article("art14").heading, None, "a one-sentence article is not a title");
    assert_eq!(
        article("art1260").text,
        "本法自2021年1月1日起施行。\n本法施行前制定的有关规定，与本法不一致的，适用本法。",
        "its second paragraph stays in the article"
    );
    assert_eq!(article("att1.2").text, "项目：乙类登记；标准：每件20元");
}

#[test]
fn a_title_ending_in_fa_names_the_law_and_only_the_title_lines_are_removed() {
    let d = code();
    assert_eq!(d.meta.title, "中华人民共和国示例法典");
    assert_eq!(d.meta.effective.map(|d| d.to_string()).as_deref(), Some("2021-01-01"));
    let removed: Vec<(usize, &str)> = d.removed.iter().map(|r| (r.line, r.rule.name())).collect();
    assert_eq!(removed, [(1, "header"), (2, "header")]);
    for title in [
        "中华人民共和国刑法",
        "中华人民共和国立法法",
        "中华人民共和国涉外民事关系法律适用法",
        "中华人民共和国宪法修正案（2018年）",
    ] {
        assert!(title::is_title_like(&title::probe(title)), "{title}");
    }
    for not_a_title in ["工作方法", "依法", "具体做法"] {
        assert!(!title::is_title_like(&title::probe(not_a_title)), "{not_a_title}");
    }
}
