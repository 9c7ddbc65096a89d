//! The exact tier: every term occurs in the clause's folded text as a substring (Latin and
//! number tokens whole), no excluded term does. A term's keys select candidates from the
//! postings and each candidate is verified against its text, so hits equal a brute-force scan.

use policy_search_index::keys;

use crate::{engine::Engine, query::Query, rank};

/// A term's matches: the clauses holding it, ascending, each with the character offsets of its
/// occurrences.
pub type Matches = Vec<(u32, Vec<usize>)>;

impl Engine<'_> {
    /// Clauses containing `term` (folded), each with the character offsets of its occurrences,
    /// in clause order.
    pub fn matches(&self, term: &[char]) -> Matches {
        self.holding_keys(term)
            .into_iter()
            .filter_map(|c| {
                let starts = keys::occurrences(self.folded(c), term);
                (!starts.is_empty()).then_some((c, starts))
            })
            .collect()
    }

    /// True when some clause contains `term` (folded): [`Engine::matches`] stopping at the
    /// first clause found.
    pub fn occurs(&self, term: &[char]) -> bool {
        self.holding_keys(term).into_iter().any(|c| !keys::occurrences(self.folded(c), term).is_empty())
    }

    /// The clauses that hold every key of `term`, ascending: a superset of its matches.
    fn holding_keys(&self, term: &[char]) -> Vec<u32> {
        let keys = keys::term_keys(&term.iter().collect::<String>());
        if keys.is_empty() {
            return (0..self.index().clause_count()).collect(); // punctuation only: scan every clause
        }
        if !keys.iter().all(|k| self.index().has_key(k)) {
            return Vec::new(); // a key no clause holds: no postings to read
        }
        let mut lists: Vec<Vec<u32>> = keys.iter().map(|k| self.index().postings(k)).collect();
        lists.sort_unstable_by_key(Vec::len);
        let mut lists = lists.into_iter();
        let first = lists.next().unwrap_or_default();
        lists.fold(first, |acc, list| intersect(&acc, &list))
    }

    /// True when clause `clause` contains an excluded term of `query`.
    pub(crate) fn excluded(&self, query: &Query, clause: u32) -> bool {
        let folded = self.folded(clause);
        query.exclude.iter().any(|t| !keys::occurrences(folded, &t.chars).is_empty())
    }

    /// The exact tier: matching clause numbers with their scores, best first, and each included
    /// term's matches (which the relaxed tier reuses for pieces that are whole terms).
    pub(crate) fn exact(&self, query: &Query) -> (Vec<(u32, f32)>, Vec<Matches>) {
        let per_term: Vec<Matches> = query.include.iter().map(|t| self.matches(&t.chars)).collect();
        let n = self.index().clause_count();
        let idfs: Vec<f32> = per_term.iter().map(|m| rank::idf(n, m.len())).collect();
        let Some(shortest) = per_term.iter().min_by_key(|m| m.len()) else { return (Vec::new(), per_term) };
        let mut ranked: Vec<(u32, f32)> = shortest
            .iter()
            .filter_map(|&(clause, _)| {
                let mut terms = Vec::with_capacity(per_term.len());
                for (i, matches) in per_term.iter().enumerate() {
                    let at = matches.binary_search_by_key(&clause, |m| m.0).ok()?;
                    terms.push(rank::TermMatch {
                        starts: &matches[at].1,
                        len: query.include[i].chars.len(),
                        idf: idfs[i],
                    });
                }
                if self.excluded(query, clause) {
                    return None;
                }
                Some((clause, rank::score(&terms, &self.facts(clause)?, self.index().average_chars())))
            })
            .collect();
        rank::sort(&mut ranked);
        (ranked, per_term)
    }
}

/// The clause numbers in both ascending lists.
pub(crate) fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}
