//! What a caller may ask of one search besides its text: paging, corrections, pinyin, a
//! single clause, filters, the field searched, order and the day validity is judged on.

use policy_search_index::facets::Day;

use crate::{
    facets::{Filters, Sort},
    query::fields::Field,
};

/// Paging and behaviour for [`crate::Engine::search`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchOptions {
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Try a homophone correction when the query as typed finds little (the "search as typed"
    /// link turns this off).
    pub correct: bool,
    /// Also read a query with Latin letters as pinyin and add the hits of its readings after
    /// the hits of the query as typed.
    pub pinyin: bool,
    /// Only the hit of this clause (by number), wherever it ranks: a clause opened from a link
    /// shows the query's highlights without the text of every other hit.
    pub within: Option<u32>,
    /// Only hits that pass these filters (see [`crate::facets`]); the facets' counts are
    /// returned either way.
    pub filters: Filters,
    /// The field searched: everywhere, titles, 文号 or the clauses' text ([`Field`]).
    pub field: Field,
    /// The order of hits.
    pub sort: Sort,
    /// The day validity is judged on: today in China when `None` ([`crate::facets::today`]).
    pub today: Option<Day>,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            offset: 0,
            correct: true,
            pinyin: true,
            within: None,
            filters: Filters::default(),
            field: Field::All,
            sort: Sort::Relevance,
            today: None,
        }
    }
}

impl SearchOptions {
    /// How many of each list's hits are ranked; the rest are only counted. Twice the page's
    /// end, since a clause listed by an earlier answer is skipped in a later one (at most one
    /// skip per hit before the end); every hit when newest-first reorders them all.
    pub(crate) fn ranked_depth(&self) -> usize {
        if self.sort == Sort::Newest {
            return usize::MAX;
        }
        self.offset.saturating_add(self.limit).saturating_mul(2)
    }
}
