//! Queries, tier by tier. The ranked list a search returns is built from, in order:
//!
//! 1. documents whose 文号 or title the query names ([`titles`]);
//! 2. the **exact tier** ([`exact`]): clauses containing every term as a substring of their
//!    folded text, minus exclusions — recall and precision 100 % against that definition;
//! 3. the **relaxed tier** ([`relaxed`]): clauses covering most of the query's weight, with
//!    synonyms from the thesaurus, question words ignored, headings as context.
//!
//! When the query as typed finds little, [`correction`] looks for a homophone reading of it
//! (众创空见 → 众创空间) and the engine answers that instead, saying so. A query with Latin
//! letters is also read as pinyin ([`pinyin`]: `zxqy` → 中小企业) and the hits of its readings
//! follow the hits of the query as typed. [`suggest`] completes what is typed so far.
//!
//! A search may be scoped to one field ([`fields`]): titles or 文号 (documents only, literal), or
//! the clauses' text (no document hits).
//!
//! The syntax itself is parsed in [`parse`](mod@parse), and only there. Every tier is free functions over
//! a [`crate::reader::Reader`]; the tiers below exact live in [`natural`], the browser's second
//! module.

pub mod exact;
pub mod fields;
pub mod natural;
pub mod parse;

// The natural tiers keep their paths (`query::relaxed::Piece`, …).
pub use natural::{correction, pinyin, relaxed, suggest, titles};

pub use parse::{parse, Query, QueryError, Term, MAX_QUERY_CHARS, MAX_TERMS};
