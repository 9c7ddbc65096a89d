//! What the engine returns: plain serialisable records shared by the CLI (JSON) and the wasm
//! bindings (JS objects). Offsets are in characters (Unicode scalar values) of `text`.

use serde::Serialize;

/// A heading in a breadcrumb.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PathItem {
    /// Numbering as cited.
    pub label: String,
    /// Title or lead phrase.
    pub title: String,
}

/// One clause with its context.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClauseRecord {
    /// Document id (file stem).
    pub doc: String,
    /// Clause id, unique within the document.
    pub clause: String,
    /// Own numbering label.
    pub label: String,
    /// Headings above it, outermost first.
    pub path: Vec<PathItem>,
    /// Heading or lead phrase.
    pub heading: Option<String>,
    /// Display text in the original script.
    pub text: String,
    /// Responsible units.
    pub units: Vec<String>,
}

/// Document metadata.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Document {
    /// Document id (file stem).
    pub doc: String,
    /// Title.
    pub title: String,
    /// Issuing bodies.
    pub issuer: Vec<String>,
    /// 文号.
    pub number: Option<String>,
    /// Date of issue, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Date it takes effect.
    pub effective: Option<String>,
    /// Last day in force.
    pub expires: Option<String>,
    /// Validity period as stated.
    pub period: Option<String>,
    /// `现行有效`, `已失效` or `未知`.
    pub status: String,
    /// The site the page came from.
    pub source: Option<String>,
}

/// A window of a long clause around its best match.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The window, with `…` where text was cut.
    pub text: String,
    /// Character range of `text` (without the `…`) in the clause text.
    pub start: u32,
    /// End of that range.
    pub end: u32,
    /// Highlights as `[start, end)` offsets into the snippet `text`.
    pub highlights: Vec<[u32; 2]>,
}

/// One search hit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    /// Document id.
    pub doc: String,
    /// Clause id.
    pub clause: String,
    /// Document title.
    pub title: String,
    /// 文号 of the document.
    pub number: Option<String>,
    /// Date of issue of the document.
    pub published: Option<String>,
    /// Validity status of the document.
    pub status: String,
    /// Own numbering label.
    pub label: String,
    /// Headings above the clause.
    pub path: Vec<PathItem>,
    /// Heading or lead phrase.
    pub heading: Option<String>,
    /// Display text.
    pub text: String,
    /// Matches as `[start, end)` character offsets into `text`, sorted, not overlapping.
    pub highlights: Vec<[u32; 2]>,
    /// The text around the best match (the whole text when it is short).
    pub snippet: Snippet,
    /// Relevance; higher is better.
    pub score: f32,
}

/// A page of results.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// Number of matching clauses.
    pub total: usize,
    /// Index of the first hit in this page.
    pub offset: usize,
    /// The hits of this page, best first.
    pub hits: Vec<Hit>,
}

/// Size figures of the embedded index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Bytes per section, in on-disk order.
    pub sections: Vec<SectionSize>,
    /// Bytes of the whole blob, header included.
    pub total_bytes: usize,
    /// UTF-8 bytes of all clause texts.
    pub text_bytes: usize,
    /// Keys in the terms FST.
    pub keys: usize,
    /// Clauses.
    pub clauses: u32,
    /// Documents.
    pub docs: u32,
    /// Distinct breadcrumb headings.
    pub headings: usize,
    /// Entries in the shipped fold table.
    pub fold_entries: usize,
}

/// One section's size.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SectionSize {
    /// Section name.
    pub name: &'static str,
    /// Bytes.
    pub bytes: usize,
}
