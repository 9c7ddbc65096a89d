//! The tiers beyond the exact one — what the browser's second ("natural") module holds and the
//! first leaves out (feature `natural`, [`crate::embedded::NATURAL`]). Each reads a
//! [`crate::reader::Reader`] and needs the lexicon (vocabulary, synonyms, readings) except
//! [`titles`] and [`reference`](mod@reference):
//!
//! - [`titles`]: documents whose 文号 or title the query names;
//! - [`reference`](mod@reference): the article a query cites (`保守国家秘密法第二十八条`);
//! - [`question`]: the frames a question wraps its content in (`能不能…`, `…是哪一天`);
//! - [`relaxed`]: clauses covering most of the query's weight, synonyms, headings as context;
//! - [`correction`]: homophone candidates for a query that finds little;
//! - [`pinyin`]: a Latin query read as hanzi;
//! - [`suggest`]: completions of what is typed;
//! - [`related`]: related searches, from the keywords the answering clauses share.

pub mod correction;
pub mod pinyin;
pub mod question;
pub mod reference;
pub mod related;
pub mod relaxed;
pub mod suggest;
pub mod titles;
