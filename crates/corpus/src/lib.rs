//! The corpus pipeline, run at build time: a folder of scraped policy pages → clean clauses with
//! document metadata.
//!
//! For each file of a folder ([`folder`]): decode it and, for an HTML page, take its main
//! content's lines ([`read`]) → per line, unify spaces and strip pinyin glosses ([`clean`]) →
//! split the page header (title, 文号) from the body → lift the signature block into metadata →
//! drop the page footer ([`page`], one module a stage); spam and site chrome are removed by
//! named line rules only in the header and footer, keeping the facts they carry (page date,
//! 文号, site) → segment the body into clauses ([`segment`]) → find responsible units
//! ([`units`]) and effective dates ([`meta`]). Every removed line is kept in
//! [`Document::removed`] with the [`Rule`] that removed it, so nothing disappears without a
//! name. Bad input is a [`CorpusError`] that names the file.

pub mod clean;
pub mod date;
pub mod error;
pub mod folder;
pub mod manifest;
pub mod meta;
pub mod page;
pub mod read;
pub mod rule;
pub mod segment;
pub mod split;
pub mod title;
pub mod units;

use std::{ops::Range, path::PathBuf};

pub use date::Date;
pub use error::{CorpusError, DocumentError};
pub use folder::{load_dir, load_files, Corpus, CorpusFile};
pub use manifest::{Manifest, Overrides};
pub use page::{parse_document, parse_page};
pub use read::{Page, PageLine, PageMeta};
pub use rule::Rule;
pub use segment::Heading;
pub use split::{Split, MAX_CLAUSE_CHARS};

/// One policy document.
#[derive(Debug)]
pub struct Document {
    /// Its metadata.
    pub meta: DocMeta,
    /// Its clauses in reading order.
    pub clauses: Vec<Clause>,
    /// Every source line that is not policy text, with the rule that removed it.
    pub removed: Vec<Removed>,
    /// Clauses longer than [`MAX_CLAUSE_CHARS`], split into several (see [`split`]).
    pub split: Vec<Split>,
    /// The file it was read from (empty when parsed from a string).
    pub file: PathBuf,
    /// How it was read, when that deserves a word (a text file that is not UTF-8).
    pub warning: Option<String>,
}

/// Document metadata.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocMeta {
    /// The file stem, e.g. `000_1d89341c27db629f`.
    pub doc: String,
    /// Title in the document's own script.
    pub title: String,
    /// Issuing bodies.
    pub issuer: Vec<String>,
    /// 文号, e.g. `杭政〔2019〕55號`.
    pub number: Option<String>,
    /// Date of issue (the date it was written, else the page's publication date).
    pub published: Option<Date>,
    /// Date it takes effect.
    pub effective: Option<Date>,
    /// Last day in force.
    pub expires: Option<Date>,
    /// Validity period as stated, e.g. `2016~2018`.
    pub period: Option<String>,
    /// Validity as the manifest states it (a code or label [`manifest::VALIDITY`] lists),
    /// overriding the dates; the engine otherwise computes it from the dates on the day of
    /// each search.
    pub status: Option<String>,
    /// The site the page came from.
    pub source: Option<String>,
    /// Date it was written (成文日期: the manifest's, the 信息索引 table's or the signature's).
    pub written: Option<Date>,
    /// Subject category (主题分类), as the manifest or the page's 信息索引 states it; never guessed.
    pub topic: Option<String>,
    /// The document (file stem) with this one's newer wording (the manifest's `superseded_by`).
    pub superseded_by: Option<String>,
    /// The document (file stem) this one amends (the manifest's `amends`).
    pub amends: Option<String>,
    /// The policy (file stem) this document interprets (the manifest's `interprets`).
    pub interprets: Option<String>,
}

/// One citable clause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    /// Stable id from the numbering path, unique within the document: `2.4`, `preamble`, `2.4~2`
    /// for a second `2.4` in the source, `2.4-2` for the second piece of a split clause.
    pub clause: String,
    /// Its own numbering as cited (`（四）`), empty when un-numbered.
    pub label: String,
    /// Headings above it, outermost first.
    pub path: Vec<Heading>,
    /// Its heading or lead phrase: always the first `heading_len` characters of `text`.
    pub heading: Option<String>,
    /// Cleaned display text in the original script; paragraphs separated by `\n`.
    pub text: String,
    /// Responsible units it names.
    pub units: Vec<String>,
    /// Character range in `text` of the tag that names the units.
    pub units_span: Option<Range<usize>>,
}

/// A source line that is not policy text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    /// 1-based line number.
    pub line: usize,
    /// The rule that removed it (printed as `seo_spam`, `breadcrumb`, `header`, `signature`, …).
    pub rule: Rule,
    /// The line after space unification and gloss removal.
    pub text: String,
}
