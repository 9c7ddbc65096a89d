//! Test-only: a [`Reader`] over a corpus of a few short documents written here, compiled in
//! memory by the indexer exactly as `build.rs` compiles a folder, so that each tier's unit
//! tests (`#[cfg(test)] mod tests` beside it) ask about text they can see.
//!
//! The corpus is compiled once per test process (the vocabulary and the fold table take a
//! moment); each test opens its own reader over the shared bytes.

use std::{path::PathBuf, sync::LazyLock};

use policy_search_corpus::{parse_document, Corpus};
use policy_search_indexer::{Blobs, Indexer, ShardSizes, Sharding};

use crate::reader::Reader;

/// The documents, as `(id, text)`: three policies on one subject, one of them in Traditional
/// script, numbered `一、` › `（一）`, with a 文号 and a signature each; and a law in `第N条`
/// articles.
pub const DOCUMENTS: [(&str, &str); 4] = [
    (
        "makerspace",
        "杭州市关于支持众创空间发展的若干意见
杭政办〔2020〕12号
各区、县（市）人民政府，市政府各部门：
为加快众创空间建设，推动大众创业、万众创新，现提出如下意见。
一、支持众创空间建设
（一）众创空间认定。经认定的市级众创空间，给予一次性奖励50万元。（责任单位：市科技局）
（二）创业补贴。对入驻众创空间的初创企业给予创业补贴，每家最高2万元。
（三）场地支持。众创空间为创业团队免费提供办公场地的，按实际面积给予补贴。
二、加快网络建设
（一）建设5G网络。支持5G基站建设，对新建基站给予奖励。
（二）流量补助。对每户每月赠送15G流量的运营商给予补助。
三、附则
本意见自2020年1月1日起施行。
杭州市人民政府办公厅
2019年12月20日",
    ),
    (
        "incubator",
        "嘉興市關於促進科技企業孵化器發展的實施辦法
嘉政發〔2019〕37號
為加快培育科技型中小企業，現就促進孵化器發展提出如下辦法。
一、孵化器認定
（一）國家級孵化器。經認定的國家級科技企業孵化器，給予一次性獎勵100萬元。
（二）眾創空間。孵化器內設立眾創空間，為入駐團隊免費提供辦公場地和輔導服務的，給予創業補貼。
二、房租減免
（一）入駐企業。對入駐孵化器的科技型中小企業，三年內給予房租減免。
嘉興市人民政府
2019年5月10日",
    ),
    (
        "talent",
        "平凉市人才引进若干措施
平政发〔2021〕8号
一、人才安居
（一）人才公寓。引进的高层次人才可申请入住人才公寓，租金减半，尚未购房的优先安排。
（二）购房补贴。首次在本市置业的博士、硕士研究生，按学历给予一次性安家补助，分三年发放。
二、研发资助
（一）研发投入。企业研发投入给予资助，最高500万元。
（二）知识产权保护。加强知识产权保护，对获得发明专利的给予奖励。
平凉市人民政府
2021年3月1日",
    ),
    (
        "survey",
        "中华人民共和国测绘成果保护法
第一条　为了保护测绘成果，制定本法。
第二条　测绘成果的保密，依照有关法律的规定执行。
第三条　违反本法第二条规定泄露测绘成果的，依法给予处分。",
    ),
];

/// The portal's own thesaurus rules, as a manifest's `synonyms = [...]` gives them.
pub const SYNONYMS: [&str; 1] = ["人才房 => 人才公寓"];

/// The corpus of [`DOCUMENTS`] and [`SYNONYMS`].
pub fn corpus() -> Corpus {
    let documents = DOCUMENTS
        .iter()
        .map(|(id, text)| parse_document(id, text, None).unwrap_or_else(|e| panic!("{id}: {e}")))
        .collect();
    let synonyms = SYNONYMS.iter().map(|s| s.to_string()).collect();
    Corpus { documents, synonyms, popular: vec![], skipped: vec![], dir: PathBuf::from("testing") }
}

static CORPUS: LazyLock<Corpus> = LazyLock::new(corpus);
static INDEXER: LazyLock<Indexer<'static>> = LazyLock::new(|| Indexer::new(&CORPUS).expect("the test corpus compiles"));
static EMBEDDED: LazyLock<Blobs> = LazyLock::new(|| INDEXER.write(Sharding::Never));
/// Small files, so that a query reads some of several.
static SHARDED: LazyLock<Blobs> = LazyLock::new(|| {
    INDEXER.write(Sharding::Always(ShardSizes::Fixed {
        term_shard: 1 << 10,
        text_chunk: 1 << 10,
        lexicon_shard: 1 << 10,
    }))
});

/// A reader over the test corpus as one embedded index (matches verified against the text),
/// with its lexicon.
pub fn reader() -> Reader<'static> {
    open(&EMBEDDED)
}

/// The same corpus as a sharded index with every shard file added (matches read from the
/// keys' offsets), with its lexicon, sharded too, every file of it added.
pub fn sharded() -> Reader<'static> {
    let r = open(&SHARDED);
    assert!(!SHARDED.files.is_empty() && r.index().positional());
    for (name, bytes) in &SHARDED.files {
        r.index().add_file(name, bytes.clone()).expect("a shard file of this build");
    }
    let lexicon = r.lexicon().expect("attached");
    assert!(!SHARDED.lexicon_files.is_empty() && lexicon.is_sharded());
    for (name, bytes) in &SHARDED.lexicon_files {
        lexicon.add_file(name, bytes.clone()).expect("a lexicon shard file of this build");
    }
    r
}

/// A reader over the embedded index before its lexicon is attached (as the browser's engine is
/// until the lexicon arrives).
pub fn without_lexicon() -> Reader<'static> {
    Reader::open(&EMBEDDED.core).expect("the index just written")
}

fn open(blobs: &'static Blobs) -> Reader<'static> {
    let mut r = Reader::open(&blobs.core).expect("the index just written");
    r.attach_lexicon(&blobs.lexicon).expect("the lexicon written with it");
    r
}

/// Each clause number as `document clause-id` (`makerspace 1.2`), in the order given.
pub fn names(r: &Reader<'_>, clauses: impl IntoIterator<Item = u32>) -> Vec<String> {
    clauses
        .into_iter()
        .map(|i| {
            let view = r.index().clause(i).expect("an embedded or added clause");
            format!("{} {}", r.index().doc(view.doc).expect("its document").doc, view.id)
        })
        .collect()
}

/// A query parsed as the engine parses it.
pub fn query(r: &Reader<'_>, raw: &str) -> crate::query::Query {
    crate::query::parse(raw, |c| r.fold_char(c)).expect("a valid query")
}
