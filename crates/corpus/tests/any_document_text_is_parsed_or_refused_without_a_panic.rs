//! Fuzzing the corpus parser with proptest: any text, built from scraped-page material (seed
//! lines, numbering, chrome, glosses, brackets, blank lines) and arbitrary characters, is
//! either parsed into clauses or refused with a message — never a panic; no clause is longer
//! than the limit and no two share an id.

use policy_search_corpus::{parse_document, MAX_CLAUSE_CHARS};
use proptest::prelude::*;

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        20 => prop::sample::select(vec![
            "关于推动创新创业高质量发展的实施意见",
            "杭政〔2019〕55号",
            "各区、县(市)人民政府:",
            "一、总体要求",
            "（一）指导思想",
            "1.政府+市场。",
            "(1)加大支持。",
            "十三)健全机制",
            "政(zheng)策",
            "责任单位:市科技局",
            "上一条",
            "浏览量:123",
            "杭州市人民政府",
            "2019年10月6日",
            "附件:",
            "PART 01",
            "",
            "   ",
            "——推进。",
            "自2020年1月1日起施行。",
        ])
        .prop_map(str::to_string),
        10 => "\\PC{0,80}",
        // Longer than a clause may be: sentences, and runs with no sentence end to cut at.
        1 => prop::collection::vec(prop::sample::select(vec!["加大支持力度。", "“落实政策！”", "G60科创走廊", "杭政〔2019〕55号", "ａｂｃ"]), 200..600)
            .prop_map(|s| s.concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_parsed_or_refused(lines in prop::collection::vec(line(), 0..40), ending in prop::sample::select(vec!["\n", "\r\n", "\r"])) {
        let text = lines.join(ending);
        match parse_document("x", &text, None) {
            Ok(doc) => {
                prop_assert!(!doc.clauses.is_empty());
                prop_assert!(!doc.meta.title.trim().is_empty());
                let mut ids: Vec<&str> = doc.clauses.iter().map(|c| c.clause.as_str()).collect();
                ids.sort();
                ids.dedup();
                prop_assert_eq!(ids.len(), doc.clauses.len());
                for c in &doc.clauses {
                    prop_assert!(c.text.chars().count() <= MAX_CLAUSE_CHARS, "{}: {} characters", c.clause, c.text.chars().count());
                    if let Some(h) = &c.heading {
                        prop_assert!(c.text.starts_with(h.as_str()));
                    }
                }
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}
