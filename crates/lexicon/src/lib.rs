//! Build-time language data for policy-search: everything the query side needs to understand
//! what people type, computed from curated data files and from the corpus itself.
//!
//! - [`thesaurus`]: synonyms and abbreviations, in Solr's `synonyms.txt` format
//!   (`data/synonyms.txt`, plus a portal's own rules from the corpus manifest);
//! - [`stopwords`]: question words and filler that carry no topic (`data/stopwords.txt`);
//! - [`vocabulary`]: the corpus's words (jieba-rs) and frequent n-grams, with the number of
//!   clauses holding each;
//! - [`readings`]: toneless pinyin of the vocabulary and of every corpus character
//!   (the `pinyin` crate, heteronyms included), for homophone correction.
//!
//! Only the indexer links this crate (jieba's dictionary alone is megabytes): natively, as
//! `build.rs` runs it, and compiled to wasm (the test `the_indexer_in_wasm_writes_what_build_rs_writes`);
//! the engine never does. The index writer stores the part of its output the corpus needs,
//! and the engine reads that.

pub mod general;
pub mod keywords;
pub mod readings;
pub mod stopwords;
pub mod thesaurus;
pub mod vocabulary;

pub use thesaurus::{Rule, Thesaurus};
pub use vocabulary::Vocabulary;

/// The project's curated thesaurus (Solr `synonyms.txt` format).
pub const SYNONYMS: &str = include_str!("../data/synonyms.txt");
/// The general thesaurus: 同义词词林扩展版's synonym groups ([`general`]).
pub const GENERAL_SYNONYMS: &str = include_str!("../data/cilin/synonyms.txt");
/// The project's stop list: question words and filler.
pub const STOPWORDS: &str = include_str!("../data/stopwords.txt");
