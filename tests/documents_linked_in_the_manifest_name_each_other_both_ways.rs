//! A portal's folder whose manifest links its documents (tests/linked/): an amendment
//! (`superseded_by` on the older wording), an interpretation (`interprets`), the stated
//! 已修改, and 成文日期 and 主题分类 from the manifest and from a page's 信息索引 table. Each link
//! is stated on one document and read on both; the 已修改 validity filters like any other. Its
//! popular searches are stored as listed.

use std::{path::PathBuf, sync::LazyLock};

use policy_search::{facets::Filters, results::Document, Engine, SearchOptions};
use policy_search_corpus::load_dir;
use policy_search_indexer::{Blobs, Indexer, Sharding};

static BLOBS: LazyLock<Blobs> = LazyLock::new(|| {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/linked");
    let corpus = Box::leak(Box::new(load_dir(&dir).unwrap_or_else(|e| panic!("tests/linked loads: {e}"))));
    Indexer::new(corpus).expect("tests/linked compiles").write(Sharding::Never)
});

fn engine() -> Engine<'static> {
    let mut engine = Engine::open(&BLOBS.core).expect("the index just written");
    engine.attach_lexicon(&BLOBS.lexicon).expect("its lexicon");
    engine
}

fn doc(id: &str) -> Document {
    let today = policy_search::facets::Day::parse("2023-01-01").unwrap();
    engine().docs(today).into_iter().find(|d| d.doc == id).unwrap_or_else(|| panic!("{id} is indexed"))
}

#[test]
fn an_amendment_stated_on_the_older_wording_is_read_on_both() {
    let (old, new) = (doc("smb_measures_2019"), doc("smb_measures_2022"));
    assert_eq!(old.amended_by, ["smb_measures_2022"]);
    assert!(old.amends.is_empty());
    assert_eq!(new.amends, ["smb_measures_2019"]);
    assert!(new.amended_by.is_empty());
    assert_eq!(old.status, "amended", "the manifest's 已修改");
    assert_eq!(new.status, "current", "judged from its dates on 2023-01-01");
}

#[test]
fn an_interpretation_and_its_policy_name_each_other() {
    let (policy, explained) = (doc("smb_measures_2022"), doc("smb_measures_2022_explained"));
    assert_eq!(explained.interprets, ["smb_measures_2022"]);
    assert_eq!(policy.interpreted_by, ["smb_measures_2022_explained"]);
    assert!(policy.interprets.is_empty() && explained.interpreted_by.is_empty());
    assert!(doc("smb_measures_2019").interpreted_by.is_empty(), "it explains the 2022 wording only");
}

#[test]
fn the_date_written_and_the_subject_come_from_the_manifest_or_the_page() {
    let explained = doc("smb_measures_2022_explained");
    assert_eq!(explained.written.as_deref(), Some("2022-04-02"), "the manifest's `written`");
    assert_eq!(explained.published.as_deref(), Some("2022-04-02"), "which dates its issue when nothing else does");
    let new = doc("smb_measures_2022");
    assert_eq!(new.written.as_deref(), Some("2022-03-28"), "the signature's date");
    assert_eq!(new.topic.as_deref(), Some("工业、交通\\中小企业"), "the manifest's `topic`");
    let page = doc("talent_housing");
    assert_eq!(page.written.as_deref(), Some("2021-08-20"), "the 信息索引 table's 成文日期");
    assert_eq!(page.topic.as_deref(), Some("城乡建设、环境保护\\住房"), "its 主题分类");
    assert_eq!(explained.topic, None, "none stated: none guessed");
}

#[test]
fn the_subject_is_a_facet_that_lists_and_filters_what_the_documents_state() {
    let topic = "工业、交通\\中小企业";
    let results = engine()
        .search(
            "",
            &SearchOptions {
                filters: Filters { topic: vec![topic.into()], ..Filters::default() },
                ..SearchOptions::default()
            },
        )
        .unwrap();
    assert!(!results.hits.is_empty());
    assert!(
        results.hits.iter().all(|h| h.doc.starts_with("smb_measures_20") && !h.doc.ends_with("explained")),
        "the two wordings that state it"
    );
    let facet =
        engine().search("", &SearchOptions::default()).unwrap().facets.into_iter().find(|f| f.name == "topic").unwrap();
    let mut listed: Vec<&str> = facet.values.iter().map(|v| v.value.as_str()).collect();
    listed.sort_unstable();
    assert_eq!(listed, ["城乡建设、环境保护\\住房", topic], "the interpretation states none and is in none");
}

#[test]
fn the_manifests_popular_searches_are_the_indexs_in_its_order() {
    assert_eq!(engine().popular(), ["房租减免", "贷款贴息", "人才公寓"]);
    let seeds = Engine::embedded().expect("the seeds' index");
    assert_eq!(seeds.popular(), ["众创空间", "知识产权", "房租补贴", "瞪羚企业", "風險補償"], "seeds/manifest.toml's");
}

#[test]
fn the_amended_validity_filters_and_is_counted() {
    let filters = Filters { status: vec!["已修改".into()], ..Filters::default() };
    let today = policy_search::facets::Day::parse("2023-01-01");
    let options = SearchOptions { filters, today, ..SearchOptions::default() };
    let results = engine().search("房租减免", &options).unwrap();
    assert!(!results.hits.is_empty());
    assert!(results.hits.iter().all(|h| h.doc == "smb_measures_2019"), "only the amended wording");
    let status = results.facets.iter().find(|f| f.name == "status").expect("a status facet");
    let amended = status.values.iter().find(|v| v.value == "amended").expect("已修改 is listed");
    assert_eq!((amended.label.as_str(), amended.selected), ("已修改", true));
    assert!(status.values.iter().any(|v| v.value == "current" && v.count > 0), "the 2022 wording, counted beside it");
}
