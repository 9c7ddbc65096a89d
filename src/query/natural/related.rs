//! Related searches: what to search next, from the clauses that answer a query. The build
//! keeps each clause's keywords, the few words most particular to it
//! (`policy_search_lexicon::keywords`); the keywords most shared by a page's clauses, that
//! the query does not hold already, are offered as the query with that word added — which
//! narrows to the clauses holding both, so a related search never comes back empty — or as
//! the word alone when it holds the whole query (`人才` → `人才公寓`). A question gives its
//! content, without its frames (`科研人员能不能兼职` → `科研人员兼职 …`): a related search is a
//! narrower search, not a longer question. No server, no query log: only the corpus.

use super::question;
use crate::reader::Reader;

/// Related searches offered at most.
pub const MAX_RELATED: usize = 8;

/// Up to [`MAX_RELATED`] related searches for `query` (what was searched, as typed) from
/// `clauses`, the clauses of its page, best first; most shared first, then in page order.
/// A clause whose text is not at hand is passed over.
pub fn related(r: &Reader<'_>, query: &str, clauses: &[u32]) -> Vec<String> {
    let query = &content(r, query.trim());
    let folded: String = r.fold(query).chars().filter(|c| !c.is_whitespace()).collect();
    // (folded keyword, clauses listing it, as the first one writes it)
    let mut found: Vec<(String, u32, String)> = Vec::new();
    for &i in clauses {
        let Some(view) = r.index().clause(i) else { continue };
        let (key_chars, text): (&[char], Vec<char>) = (r.folded(i), view.text.chars().collect());
        for [start, len] in view.keywords.spans() {
            let span = start as usize..start.saturating_add(len) as usize;
            let (Some(key), Some(shown)) = (key_chars.get(span.clone()), text.get(span)) else { continue };
            let key: String = key.iter().collect();
            if folded.contains(&key) {
                continue;
            }
            match found.iter_mut().find(|f| f.0 == key) {
                Some(f) => f.1 += 1,
                None => found.push((key, 1, shown.iter().collect())),
            }
        }
    }
    // Most shared first, equals in the order of the page: through the engine's one sort of
    // `[key, position]` (another element type would add its own sort to the wasm).
    let mut keys: Vec<[u32; 2]> = found.iter().zip(0..).map(|(f, i)| [u32::MAX - f.1, i]).collect();
    crate::facets::order(&mut keys)
        .take(MAX_RELATED)
        .map(|i| {
            let (key, _, shown) = &found[i];
            if key.contains(&folded) {
                shown.clone()
            } else {
                [query.as_str(), shown].join(" ")
            }
        })
        .collect()
}

/// `query` as typed without its question frames (the fold keeps one character per character,
/// so the folded query's frames mark the typed one's), or whole when it has none.
fn content(r: &Reader<'_>, query: &str) -> String {
    let folded: Vec<char> = r.fold(query).chars().collect();
    let framed = question::frames(r.question_frames(), &folded);
    if !framed.contains(&true) {
        return query.to_string();
    }
    let kept: String = query.chars().zip(framed).filter(|&(_, f)| !f).map(|(c, _)| c).collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{query::exact, testing};

    fn holding(r: &Reader<'_>, word: &str) -> Vec<u32> {
        exact::matches(r, &word.chars().collect::<Vec<_>>()).into_iter().map(|(i, _)| i).collect()
    }

    #[test]
    fn the_words_the_answering_clauses_share_are_offered_with_the_query() {
        for r in [testing::reader(), testing::sharded()] {
            let clauses = holding(&r, "补贴");
            let offered = related(&r, "补贴", &clauses);
            assert!(!offered.is_empty() && offered.len() <= MAX_RELATED, "{offered:?}");
            for q in &offered {
                let (first, word) = q.split_once(' ').unwrap_or(("", q));
                assert_eq!(first, "补贴", "{q}: the query, then a word it lacks");
                assert!(clauses.iter().any(|&i| r.index().clause(i).unwrap().text.contains(word)), "{q}");
            }
        }
    }

    #[test]
    fn a_word_holding_the_query_replaces_it_and_one_it_holds_is_left_out() {
        let r = testing::reader();
        let clauses = holding(&r, "众创");
        let offered = related(&r, "众创", &clauses);
        assert!(offered.iter().all(|q| !q.ends_with(" 众创")), "{offered:?}");
        let whole: Vec<_> = offered.iter().filter(|q| !q.contains(' ')).collect();
        assert!(whole.iter().all(|q| r.fold(q).contains("众创")), "{whole:?}");
        assert!(related(&r, "众创", &[]).is_empty(), "no clause, no related search");
    }

    #[test]
    fn a_question_is_narrowed_by_its_content_not_its_frames() {
        let r = testing::reader();
        let clauses = holding(&r, "补贴");
        let offered = related(&r, "創業補貼怎麼申請", &clauses);
        assert!(!offered.is_empty());
        assert!(offered.iter().all(|q| q.starts_with("創業補貼申請 ") || !q.contains(' ')), "{offered:?}");
    }
}
