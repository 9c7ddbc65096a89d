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
    /// Responsible units, as the clause names them.
    pub units: Vec<String>,
    /// The same units as the unit filter knows them (its values: one name per unit, placed
    /// in its document's city; see `policy_search_corpus::units::unit_table`).
    pub unit_values: Vec<String>,
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
    /// Validity on the day asked about: `current` (现行有效), `amended` (已修改: stated only),
    /// `pending` (尚未生效), `expired` (已失效) or `unknown` (效力未知); see
    /// [`policy_search_index::facets::Validity`].
    pub status: String,
    /// The site the page came from.
    pub source: Option<String>,
    /// Its kind (公文种类: `通知`, `意见`, `法`…), from the type its title ends in.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Its 文号's issuer code (机关代字: `国办发`, `杭政`), folded.
    pub code: Option<String>,
    /// Date it was written (成文日期), `YYYY-MM-DD`.
    pub written: Option<String>,
    /// Subject category (主题分类), as its publisher files it.
    pub topic: Option<String>,
    /// The documents (ids) it amends: gives a newer wording of.
    pub amends: Vec<String>,
    /// The documents (ids) that amend it: its newer wordings.
    pub amended_by: Vec<String>,
    /// The policies (ids) it interprets (政策解读).
    pub interprets: Vec<String>,
    /// Its interpretations (ids).
    pub interpreted_by: Vec<String>,
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

/// What a hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    /// A clause.
    Clause,
    /// A whole document, named by its 文号 or title; its clauses are one lookup away.
    Document,
}

/// Which tier found a hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// Every term, as typed (after folding), is in the clause: the exact tier.
    Exact,
    /// Part of the query, or a synonym, a title or a 文号: the relaxed tier.
    Partial,
}

/// Why a partial hit matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// It holds most of the query's pieces.
    Relaxed,
    /// It holds a synonym of a piece.
    Synonym,
    /// It is a document whose title holds the query.
    Title,
    /// It is a document whose 文号 was typed.
    Number,
    /// It is the article the query cites (a document's name and an article number).
    Reference,
    /// It was found through a pinyin reading of the query (see [`Hit::reading`]).
    Pinyin,
}

/// A synonym a hit was found through.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SynonymUsed {
    /// The piece of the query (folded).
    pub from: String,
    /// The synonym found in the clause (folded).
    pub to: String,
}

/// One search hit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    /// A clause, or a whole document.
    pub kind: HitKind,
    /// The tier that found it.
    #[serde(rename = "match")]
    pub match_kind: MatchKind,
    /// For partial hits, why they matched (empty for exact hits).
    pub via: Vec<Via>,
    /// For partial hits, the pieces of the query it holds (folded).
    pub matched: Vec<String>,
    /// For partial hits, the synonyms it was found through.
    pub synonyms: Vec<SynonymUsed>,
    /// For hits found through a pinyin reading, what was read as what.
    pub reading: Option<crate::query::pinyin::Reading>,
    /// Document id.
    pub doc: String,
    /// Clause id (empty for a document hit).
    pub clause: String,
    /// Document title.
    pub title: String,
    /// 文号 of the document.
    pub number: Option<String>,
    /// Date of issue of the document.
    pub published: Option<String>,
    /// Validity of the document on the day of the search, as [`Document::status`].
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

/// The query as the engine read it: what the element shows instead of parsing again.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Parsed {
    /// Terms every exact hit holds (folded), in query order.
    pub terms: Vec<String>,
    /// The same terms as typed.
    pub typed: Vec<String>,
    /// Which of them were quoted phrases.
    pub phrases: Vec<String>,
    /// Excluded terms (folded).
    pub exclude: Vec<String>,
    /// The pieces the relaxed tier weighed, with synonyms and stop words marked.
    pub pieces: Vec<crate::query::relaxed::Piece>,
}

/// A page of results.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// Number of exact hits (clauses holding every term): an exact count.
    pub total: usize,
    /// Number of partial hits (relaxed tier), ranked after the exact ones.
    pub partial: usize,
    /// Number of document hits (by 文号 or title), ranked first.
    pub documents: usize,
    /// The correction searched instead of the query as typed, if one was applied.
    pub corrected: Option<crate::query::correction::Correction>,
    /// The pinyin reading whose hits follow the query's own (the first, when several
    /// found something), if any did.
    pub pinyin: Option<crate::query::pinyin::Reading>,
    /// Number of hits found only through pinyin readings: their exact hits rank after the
    /// query's own exact hits, their relaxed hits after its relaxed hits.
    pub pinyin_hits: usize,
    /// What the engine parsed (of the corrected query, when corrected).
    pub parsed: Parsed,
    /// Index of the first hit in this page.
    pub offset: usize,
    /// The hits of this page, best first.
    pub hits: Vec<Hit>,
    /// Counts of the hits per facet value (see [`crate::facets`]).
    pub facets: Vec<crate::facets::Facet>,
    /// Related searches: queries made of the words the clauses of this page share (natural
    /// module only, first page only; see [`crate::query::natural::related`]).
    pub related: Vec<String>,
}

impl SearchResults {
    /// Nothing found yet for `query`, at `offset`.
    pub(crate) fn empty(query: &str, offset: usize) -> SearchResults {
        SearchResults {
            query: query.to_string(),
            total: 0,
            partial: 0,
            documents: 0,
            corrected: None,
            pinyin: None,
            pinyin_hits: 0,
            parsed: Parsed::default(),
            offset,
            hits: Vec::new(),
            facets: Vec::new(),
            related: Vec::new(),
        }
    }
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
    /// The lexicon, when attached (fetched lazily in the browser).
    pub lexicon: Option<LexiconStats>,
}

/// Size figures of the lexicon.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LexiconStats {
    /// Bytes per section, in on-disk order.
    pub sections: Vec<SectionSize>,
    /// Bytes of the whole blob, header included.
    pub total_bytes: usize,
    /// Words in the vocabulary.
    pub words: usize,
}

/// One section's size.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SectionSize {
    /// Section name.
    pub name: &'static str,
    /// Bytes.
    pub bytes: usize,
}
