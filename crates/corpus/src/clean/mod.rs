//! Cleaning rules. Each is small, named and tested with its counter-examples; none is keyed to
//! one site or file.
//!
//! | rule | what it removes |
//! |---|---|
//! | `unify_spaces`, `tighten_spaces` ([`whitespace`]) | NBSP, ideographic and zero-width spaces; spaces inside Chinese text |
//! | `pinyin_gloss` ([`gloss`]) | pinyin inserted after characters by anti-scraping filters |
//! | line rules ([`lines`]) | spam and site chrome, whole lines at a time |
//! | `doc_number_bracket` ([`repair_brackets`](policy_search_normalize::docnumber::repair_brackets)) | nothing: puts back the `〕` a scraped 文号 lost (`国发〔201832号`); the 文号 grammar is shared with the query |
//!
//! Structural rules (header, signature, footer, broken lines) live where the structure is
//! known: [`crate::parse_document`] and [`crate::segment`].

pub mod gloss;
pub mod lines;
pub mod whitespace;
