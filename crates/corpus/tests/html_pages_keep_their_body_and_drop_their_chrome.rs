//! HTML pages shaped like gov.cn and provincial portal pages (site header, navigation, 信息索引
//! table, article body, footer with ICP/备案/联系我们), one in UTF-8 and one as GBK bytes: every
//! sentence of the body is kept, the chrome is removed and reported, and the title, issuer,
//! 文号 and dates are read. Folders are made under Cargo's target temp dir (ignored).

use std::{fs, path::PathBuf};

use policy_search_corpus::{load_dir, Corpus, Document, Rule};
use policy_search_normalize::{fold, FoldTable};

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    fs::read_to_string(path).unwrap()
}

/// The two pages in a corpus folder: the gov.cn page as UTF-8, the provincial one as GBK bytes.
fn corpus() -> &'static Corpus {
    static CORPUS: std::sync::OnceLock<Corpus> = std::sync::OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("corpus-cases").join("html-pages");
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("gov.html"), fixture("gov_notice.html")).unwrap();
        let page = fixture("provincial_notice.html");
        let (gbk, _, unmappable) = encoding_rs::GBK.encode(&page);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&gbk).is_err(), "the page really is GBK, not UTF-8");
        fs::write(dir.join("provincial.htm"), &gbk).unwrap();
        load_dir(&dir).unwrap_or_else(|e| panic!("{e}"))
    })
}

fn doc(stem: &str) -> &'static Document {
    corpus().documents.iter().find(|d| d.meta.doc == stem).unwrap()
}

fn squash(text: &str) -> String {
    fold(&text.chars().filter(|c| !c.is_whitespace()).collect::<String>(), FoldTable::full())
}

/// Every clause, its label and breadcrumb with it, as one searchable text.
fn searchable(d: &Document) -> String {
    d.clauses
        .iter()
        .map(|c| {
            let path: String = c.path.iter().map(|h| format!("{}{}", h.label, h.title)).collect();
            squash(&format!("{path}{}{}", c.label, c.text))
        })
        .collect()
}

fn assert_kept(d: &Document, sentences: &[&str]) {
    let all = searchable(d);
    for s in sentences {
        assert!(all.contains(&squash(s)), "{}: {s:?} is in no clause", d.meta.doc);
    }
}

fn assert_removed(d: &Document, chrome: &[&str]) {
    let all = searchable(d);
    for c in chrome {
        assert!(!all.contains(&squash(c)), "{}: chrome {c:?} is searchable", d.meta.doc);
        assert!(d.removed.iter().any(|r| r.text.contains(c)), "{}: {c:?} is not reported removed", d.meta.doc);
    }
}

#[test]
fn a_gov_cn_page_keeps_every_sentence_of_its_body() {
    assert_kept(
        doc("gov"),
        &[
            "为加快培育科技型中小企业，经省政府同意，现提出如下措施。",
            "加大研发投入支持",
            "对科技型中小企业研发费用给予补助。企业年度研发费用较上年增长的，按增量部分的10%给予补助，单个企业最高100万元。",
            "支持企业建设研发机构。新认定的省级企业研究院给予一次性奖励50万元。",
            "强化金融服务",
            "鼓励银行机构开展知识产权质押融资，对企业贷款按同期贷款市场报价利率（LPR）的50%给予贴息。",
            "本措施自2024年4月1日起施行，有效期至2026年12月31日。",
        ],
    );
    let ids: Vec<&str> = doc("gov").clauses.iter().map(|c| c.clause.as_str()).collect();
    assert_eq!(ids, ["preamble", "1.1", "1.2", "2.3", "2.4"]);
}

#[test]
fn a_gov_cn_page_drops_and_reports_its_chrome() {
    let d = doc("gov");
    assert_removed(
        d,
        &[
            "登录",
            "政务公开",
            "当前位置",
            "主题分类",
            "浏览次数",
            "分享到",
            "相关文件",
            "网站地图",
            "联系电话",
            "浙ICP备05001234号",
        ],
    );
    for not_text in ["统计代码", ".nav"] {
        assert!(!searchable(d).contains(not_text) && !d.removed.iter().any(|r| r.text.contains(not_text)));
    }
    assert!(d.removed.iter().filter(|r| r.text.contains("ICP")).all(|r| r.rule == Rule::OutsideMain));
    assert!(d.removed.iter().any(|r| r.rule == Rule::Signature && r.text == "某省人民政府办公厅"));
}

#[test]
fn a_gov_cn_page_gives_its_title_issuer_number_and_dates() {
    let m = &doc("gov").meta;
    assert_eq!(m.title, "某省人民政府办公厅关于支持科技型中小企业创新发展的若干措施");
    assert_eq!(m.issuer, ["某省人民政府办公厅"]);
    assert_eq!(m.number.as_deref(), Some("某政办发〔2024〕12号"));
    assert_eq!(m.published.map(|d| d.to_string()).as_deref(), Some("2024-03-11"), "成文日期 before 发布日期");
    assert_eq!(m.written.map(|d| d.to_string()).as_deref(), Some("2024-03-11"), "成文日期");
    assert_eq!(m.topic.as_deref(), Some("科技、教育"), "主题分类");
    assert_eq!(m.effective.map(|d| d.to_string()).as_deref(), Some("2024-04-01"));
    assert_eq!(m.source.as_deref(), Some("某省人民政府门户网站"));
}

#[test]
fn a_gbk_page_is_decoded_and_read_like_any_other() {
    let d = doc("provincial");
    assert_eq!(d.warning, None, "the page declares gb2312: nothing was guessed");
    assert_kept(
        d,
        &[
            "现将《某市促进人才集聚若干政策》印发给你们，请认真贯彻执行。",
            "对新引进的全职博士给予每人30万元生活补贴，硕士给予每人10万元。",
            "人才租住公寓的，前三年免收租金。",
            "本政策由市人力社保局负责解释。",
        ],
    );
    assert_removed(d, &["欢迎访问", "政民互动", "您现在的位置", "版权所有", "浙ICP备12001234号-1", "府前路1号"]);
    let m = &d.meta;
    assert_eq!(m.title, "市人民政府关于印发某市促进人才集聚若干政策的通知");
    assert_eq!(m.number.as_deref(), Some("某政发〔2023〕8号"));
    assert_eq!(m.issuer, ["市人民政府"]);
    assert_eq!(m.published.map(|d| d.to_string()).as_deref(), Some("2023-06-16"), "the signature's date");
    assert_eq!(m.source.as_deref(), Some("某市人民政府网站"), "from the welcome banner");
}

/// A page whose chrome is one breadcrumb and one footer line: its main block grows to the body
/// (the rest adds little), and never past it to `<html>`, where it once lost every line.
#[test]
fn a_page_with_little_chrome_keeps_its_whole_body() {
    let html = "<!DOCTYPE html><html><head><title>关于做好春季植树造林工作的通知</title></head><body>\
        <div class=\"crumb\">首页 &gt; 通知</div><div class=\"text\">\
        <h1>某县林业局关于做好春季植树造林工作的通知</h1><p>各乡镇人民政府：</p>\
        <p>一、科学选择树种。优先选用乡土树种，适地适树，提高造林成活率。</p>\
        <p>二、落实管护责任。新造林地由所在村负责管护，管护期不少于三年。</p>\
        <p>某县林业局</p><p>2024年2月20日</p></div><div>联系电话：0000-1234567</div></body></html>";
    let page = policy_search_corpus::read::html::page(html);
    let inside: Vec<&str> = page.lines.iter().filter(|l| !l.outside).map(|l| l.text.as_str()).collect();
    assert!(inside.contains(&"一、科学选择树种。优先选用乡土树种，适地适树，提高造林成活率。"), "{inside:?}");
    assert!(inside.contains(&"二、落实管护责任。新造林地由所在村负责管护，管护期不少于三年。"), "{inside:?}");
}

#[test]
fn the_report_lists_every_removed_line_of_both_pages() {
    let report = corpus().removed_report();
    for d in &corpus().documents {
        for r in &d.removed {
            let line = format!("{}:{}: {}: {}", d.file.display(), r.line, r.rule, r.text);
            assert!(report.lines().any(|l| l == line), "{line} is not in the report");
        }
    }
    assert_eq!(report.lines().count(), corpus().documents.iter().map(|d| d.removed.len()).sum::<usize>());
}
