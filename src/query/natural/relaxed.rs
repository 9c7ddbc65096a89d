//! The relaxed tier: what people type without spaces and in their own words.
//!
//! The query is cut into **pieces** with the corpus's vocabulary (jieba-rs words and recurring
//! n-grams, stored in the index): the cut into the fewest words wins,
//! and characters no word covers stay together as one unknown piece. Question words and filler
//! (the stop list) weigh nothing. Each piece weighs its idf over the clauses holding it (or a
//! synonym of it), so rare pieces count more and a piece the corpus lacks counts fully against
//! every clause. A clause is a relaxed hit when the pieces it holds — in its text, or at half
//! weight in the headings above it — make up at least [`MIN_SHARE`] of the query's weight;
//! it is ranked by BM25 over those pieces with the phrase and proximity bonuses of
//! [`crate::rank`], scaled by its share squared and by [`SYNONYM_RANK`] for each piece it holds
//! only through a synonym (expansions rank below literal matches).
//!
//! Nothing here decides what is indexed: pieces are matched as exact substrings through the
//! same postings and verification as the exact tier.

use policy_search_sort as sort;
use std::rc::Rc;

use serde::Serialize;

use policy_search_index::keys;
use policy_search_normalize::is_han;

use crate::{
    query::{
        exact::{self, Matches},
        natural::question,
        Query, Term,
    },
    rank,
    reader::Reader,
};

/// Share of the query's weight a clause must cover to be a relaxed hit. Chosen on
/// `natural.json` and `dev.json` (see docs/ARCHITECTURE.md, "Relaxed tier").
pub const MIN_SHARE: f32 = 0.55;
/// The share that suffices when every piece of the query occurs somewhere in the corpus and
/// the clause holds the heaviest one: such a query is about the corpus's subjects even when no
/// clause holds all of it (众创空间 + 认定), while a query with a piece the corpus lacks
/// (住房公积金提取) keeps the stricter [`MIN_SHARE`].
pub const MIN_SHARE_KNOWN: f32 = 0.4;
/// A piece found only in the headings above a clause (its document's title included) counts
/// this much of its weight.
pub const HEADING_CONTEXT: f32 = 0.5;
/// A piece found only through a synonym ranks with this share of its idf.
pub const SYNONYM_RANK: f32 = 0.8;
/// A single character weighs this share of its idf: alone it says little.
pub const SINGLE_CHAR: f32 = 0.5;
/// A piece whose every occurrence in a clause straddles a word of the clause (高企 in
/// 提高企业, 在职 in 在职称) counts this share of its weight there.
pub const STRADDLING: f32 = 0.5;
/// Longest vocabulary word tried when cutting a query, in characters.
const MAX_WORD: usize = 8;
/// Longest general thesaurus word tried in a run the vocabulary does not know: its everyday
/// words are short.
const GENERAL_WORD: usize = 4;

/// One piece of the query as the relaxed tier weighs it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Piece {
    /// The piece, folded.
    pub text: String,
    /// Its synonyms that occur in the corpus (folded), from the thesaurus.
    pub synonyms: Vec<String>,
    /// A question word or filler: weighs nothing.
    pub stop: bool,
    /// Its weight: idf over the clauses holding it or a synonym (0 for stop words).
    pub weight: f32,
    /// Clauses holding it or a synonym.
    pub clauses: usize,
    #[serde(skip)]
    chars: Vec<char>,
    #[serde(skip)]
    phrase: bool,
    /// Part of a question frame (`question.rs`): a stop piece that makes the query a question.
    #[serde(skip)]
    pub frame: bool,
    /// Computed once when the piece is weighed (shared by clones, so cheap to copy).
    #[serde(skip)]
    matches: Rc<PieceMatches>,
}

/// A piece's matches: the literal ones, then each synonym's.
#[derive(Clone, Debug, Default, PartialEq)]
struct PieceMatches {
    literal: Matches,
    synonyms: Vec<(Vec<char>, Matches)>,
}

impl PieceMatches {
    /// Number of clauses holding the piece or one of its synonyms.
    fn clauses(&self) -> usize {
        let mut all: Vec<u32> = self.all().collect();
        sort::sort(&mut all);
        all.dedup();
        all.len()
    }

    /// Every clause number holding the piece or a synonym, with repeats.
    fn all(&self) -> impl Iterator<Item = u32> + '_ {
        self.literal.iter().map(|x| x.0).chain(self.synonyms.iter().flat_map(|(_, l)| l.iter().map(|x| x.0)))
    }
}

/// How a relaxed hit holds one piece.
#[derive(Clone, Debug, PartialEq)]
pub struct Held {
    /// Index into the pieces.
    pub piece: usize,
    /// The synonym it holds instead of the piece itself, if so.
    pub synonym: Option<String>,
    /// Only in a heading above the clause.
    pub in_heading: bool,
}

/// One relaxed hit.
#[derive(Clone, Debug, PartialEq)]
pub struct RelaxedHit {
    /// Clause number.
    pub clause: u32,
    /// Ranking score.
    pub score: f32,
    /// Share of the query's weight it covers.
    pub share: f32,
    /// The pieces it holds.
    pub held: Vec<Held>,
}

/// Cuts the query's terms into weighed pieces. `per_term` holds the exact tier's matches of
/// each included term (or nothing), taken for a piece that is a whole term.
pub fn pieces(r: &Reader<'_>, query: &Query, per_term: Vec<Matches>) -> Vec<Piece> {
    pieces_reusing(r, query, per_term, &[])
}

/// [`pieces`], taking a piece cut as one of `known` was from there instead of weighing it
/// again: a correction's query shares all but one window with the query it corrects.
pub fn pieces_reusing(r: &Reader<'_>, query: &Query, mut per_term: Vec<Matches>, known: &[Piece]) -> Vec<Piece> {
    let n = r.index().clause_count();
    let mut out: Vec<Piece> = Vec::new();
    for (t, term) in query.include.iter().enumerate() {
        for Part { chars, phrase, frame } in cut(r, term) {
            let text: String = chars.iter().collect();
            if out.iter().any(|p| p.text == text) {
                continue;
            }
            if let Some(same) = known.iter().find(|p| p.text == text && p.phrase == phrase && p.frame == frame) {
                out.push(same.clone());
                continue;
            }
            let word = if phrase || frame { None } else { r.word(&text) };
            let stop = frame || word.is_some_and(|w| w.stop);
            let mut synonyms: Vec<String> =
                if word.is_some_and(|w| w.synonyms.is_some()) { r.synonyms(&text) } else { Vec::new() };
            if !stop && !phrase && chars.len() >= 2 && chars.iter().all(|&c| is_han(c)) {
                for s in r.general(&chars) {
                    if !synonyms.contains(&s) {
                        synonyms.push(s);
                    }
                }
            }
            let mut piece =
                Piece { text, synonyms, stop, weight: 0.0, clauses: 0, chars, phrase, frame, matches: Rc::default() };
            if !stop {
                let whole = per_term.get_mut(t).filter(|_| piece.chars == term.chars).map(std::mem::take);
                piece.matches = Rc::new(piece_matches(r, &piece, whole));
                piece.clauses = piece.matches.clauses();
                let single = piece.chars.len() == 1 && is_han(piece.chars[0]);
                piece.weight = rank::idf(n, piece.clauses) * if single { SINGLE_CHAR } else { 1.0 };
            }
            out.push(piece);
        }
    }
    out
}

/// Whether `word` is a piece of its own that weighs something when `query` is cut (what
/// [`pieces`] makes of it: a part of a term, neither a question frame's nor a stop word),
/// read without weighing any piece.
pub fn weighed_alone(r: &Reader<'_>, query: &Query, word: &[char]) -> bool {
    query.include.iter().flat_map(|term| cut(r, term)).any(|Part { chars, phrase, frame }| {
        chars == word && !frame && (phrase || !r.word(&chars.iter().collect::<String>()).is_some_and(|w| w.stop))
    })
}

/// One part of a term, before it is weighed.
struct Part {
    chars: Vec<char>,
    /// The whole term, quoted.
    phrase: bool,
    /// A question frame's part.
    frame: bool,
}

/// The parts of one term: a phrase is one part; otherwise question frames are set apart,
/// Han runs are cut by the vocabulary and Latin/number tokens stand alone. Punctuation
/// separates parts.
fn cut(r: &Reader<'_>, term: &Term) -> Vec<Part> {
    if term.phrase {
        return vec![Part { chars: term.chars.clone(), phrase: true, frame: false }];
    }
    let chars = &term.chars;
    let framed = question::frames(r.question_frames(), chars);
    let part = |chars: &[char], frame| Part { chars: chars.to_vec(), phrase: false, frame };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if framed[i] {
            let run = framed[i..].iter().take_while(|&&f| f).count();
            out.push(part(&chars[i..i + run], true));
            i += run;
        } else if is_han(chars[i]) {
            let run = (i..chars.len()).take_while(|&j| is_han(chars[j]) && !framed[j]).count();
            out.extend(segment(r, &chars[i..i + run]).into_iter().map(|p| part(&p, false)));
            i += run;
        } else if chars[i].is_ascii_alphanumeric() {
            let start = i;
            i += 1;
            while keys::inside_token(chars, i) && !framed[i] {
                i += 1;
            }
            out.push(part(&chars[start..i], false));
        } else {
            i += 1;
        }
    }
    out
}

/// Cuts a run of Han characters into vocabulary words: the cut of least cost, where a
/// segmenter word costs 2, a word that only recurs as an n-gram 3, a stop word 1 and any
/// other single character 4 (so 创办|企业 beats 创|办企业, and 混合所有制|改革 beats
/// 混合所有|制改革). Single characters that no word covers and that are not stop words are
/// then joined into one unknown piece.
fn segment(r: &Reader<'_>, run: &[char]) -> Vec<Vec<char>> {
    let n = run.len();
    // best[i]: (cost, start of the last piece) of the best cut of run[..i].
    let mut best: Vec<(usize, usize)> = vec![(0, 0); n + 1];
    for end in 1..=n {
        let single = r.word(&run[end - 1].to_string()).is_some_and(|w| w.stop);
        best[end] = (best[end - 1].0 + if single { 1 } else { 4 }, end - 1);
        for start in end.saturating_sub(MAX_WORD)..end - 1 {
            if best[start].0 + 2 < best[end].0 {
                let word: String = run[start..end].iter().collect();
                if let Some(w) = r.word(&word) {
                    let cost = if w.segmenter || w.stop || !w.in_corpus { 2 } else { 3 };
                    if best[start].0 + cost < best[end].0 {
                        best[end] = (best[start].0 + cost, start);
                    }
                }
            }
        }
    }
    let mut cuts = Vec::new();
    let mut end = n;
    while end > 0 {
        let start = best[end].1;
        cuts.push(run[start..end].to_vec());
        end = start;
    }
    cuts.reverse();
    // Join runs of unknown single characters: 住房公积金 is one thing the corpus lacks,
    // not five common characters it has.
    let mut out: Vec<Vec<char>> = Vec::new();
    let loose = |p: &Vec<char>| p.len() == 1 && r.word(&p[0].to_string()).is_none();
    for (i, piece) in cuts.iter().enumerate() {
        let joins = loose(piece) && i > 0 && loose(&cuts[i - 1]);
        match out.last_mut() {
            Some(last) if joins => last.extend_from_slice(piece),
            _ => out.push(piece.clone()),
        }
    }
    out.into_iter()
        .flat_map(|p| if p.len() > 2 && r.word_of(&p).is_none() { general_cut(r, p) } else { vec![p] })
        .collect()
}

/// Cuts a run the vocabulary does not know by the general thesaurus's words (the longest at
/// each place, left to right), for everyday words the corpus says otherwise (涉密电脑连外网:
/// 电脑 is 计算机 there). What no such word covers stays together, as one unknown piece.
fn general_cut(r: &Reader<'_>, run: Vec<char>) -> Vec<Vec<char>> {
    let mut out: Vec<Vec<char>> = Vec::new();
    let mut rest: Vec<char> = Vec::new();
    let mut i = 0;
    while i < run.len() {
        let longest = (2..=GENERAL_WORD.min(run.len() - i)).rev().find(|&n| !r.general(&run[i..i + n]).is_empty());
        match longest {
            Some(n) => {
                if !rest.is_empty() {
                    out.push(std::mem::take(&mut rest));
                }
                out.push(run[i..i + n].to_vec());
                i += n;
            }
            None => {
                rest.push(run[i]);
                i += 1;
            }
        }
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

fn piece_matches(r: &Reader<'_>, piece: &Piece, known: Option<Matches>) -> PieceMatches {
    PieceMatches {
        literal: known.unwrap_or_else(|| exact::matches(r, &piece.chars)),
        synonyms: piece
            .synonyms
            .iter()
            .map(|s| {
                let chars: Vec<char> = s.chars().collect();
                let m = exact::matches(r, &chars);
                (chars, m)
            })
            .collect(),
    }
}

/// What a clause must hold of the query to be a relaxed hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Floor {
    /// [`MIN_SHARE`] of its weight, or [`MIN_SHARE_KNOWN`] and its heaviest piece.
    Share,
    /// Its rarest piece the corpus holds: for a question no clause holds enough of, which
    /// still shows where its rarest content word is (a question never dead-ends).
    Question,
    /// Any piece that weighs: for a search within the one document a query names.
    Any,
}

/// The relaxed tier for `pieces` of `query`, leaving out the clauses in `skip` (the exact
/// hits and the excluded clauses, ascending), the best `top` first.
pub(crate) fn relaxed(r: &Reader<'_>, pieces: &[Piece], skip: &[u32], top: usize) -> Vec<RelaxedHit> {
    relaxed_by(r, pieces, skip, top, Floor::Share)
}

/// [`relaxed`], holding clauses to `rule`.
pub(crate) fn relaxed_by(r: &Reader<'_>, pieces: &[Piece], skip: &[u32], top: usize, rule: Floor) -> Vec<RelaxedHit> {
    let total: f32 = pieces.iter().map(|p| p.weight).sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let matches: Vec<Option<&PieceMatches>> =
        pieces.iter().map(|p| (!p.stop && p.clauses > 0).then_some(&*p.matches)).collect();
    // Candidates: clauses holding a piece of two or more characters (or a token).
    let mut candidates: Vec<u32> = Vec::new();
    for (p, m) in pieces.iter().zip(&matches) {
        let Some(m) = m else { continue };
        if p.chars.len() > 1 || !is_han(p.chars[0]) {
            candidates.extend(m.all());
        }
    }
    sort::sort(&mut candidates);
    candidates.dedup();
    let phrases: Vec<usize> = (0..pieces.len()).filter(|&i| pieces[i].phrase).collect();
    let known = pieces.iter().all(|p| p.stop || p.clauses > 0);
    let heaviest = (0..pieces.len()).max_by(|&a, &b| pieces[a].weight.total_cmp(&pieces[b].weight).then(b.cmp(&a)));
    let rarest_known = (0..pieces.len())
        .filter(|&i| !pieces[i].stop && pieces[i].clauses > 0)
        .max_by(|&a, &b| pieces[a].weight.total_cmp(&pieces[b].weight).then(b.cmp(&a)));
    let floor = match rule {
        Floor::Question | Floor::Any => 0.0,
        Floor::Share if known => MIN_SHARE_KNOWN,
        Floor::Share => MIN_SHARE,
    };
    let mut hits: Vec<RelaxedHit> = Vec::new();
    for clause in candidates {
        if skip.binary_search(&clause).is_ok() {
            continue;
        }
        let Some(facts) = r.facts(clause) else { continue };
        let mut covered = 0.0;
        let mut held = Vec::new();
        let mut terms = Vec::new();
        let mut missing = Vec::new();
        let mut literal = Vec::new();
        for (i, (p, m)) in pieces.iter().zip(&matches).enumerate() {
            let Some(m) = m else { continue };
            let find = |list: &'_ [(u32, Vec<usize>)]| list.binary_search_by_key(&clause, |x| x.0).ok();
            if let Some(at) = find(&m.literal) {
                covered += p.weight;
                literal.push((i, at));
                held.push(Held { piece: i, synonym: None, in_heading: false });
                terms.push(rank::TermMatch { starts: &m.literal[at].1, len: p.chars.len(), idf: p.weight });
            } else if let Some((chars, list, at)) =
                m.synonyms.iter().find_map(|(chars, list)| find(list).map(|at| (chars, list, at)))
            {
                covered += p.weight;
                held.push(Held { piece: i, synonym: Some(chars.iter().collect()), in_heading: false });
                terms.push(rank::TermMatch { starts: &list[at].1, len: chars.len(), idf: p.weight * SYNONYM_RANK });
            } else {
                missing.push(i);
            }
        }
        if phrases.iter().any(|i| missing.contains(i)) {
            continue; // a quoted phrase is never relaxed
        }
        // Headings add at most HEADING_CONTEXT of what is missing: read them only when
        // that could lift the clause over the threshold.
        let missing_weight: f32 = missing.iter().map(|&i| pieces[i].weight).sum();
        if (covered + missing_weight * HEADING_CONTEXT) / total + f32::EPSILON < floor {
            continue;
        }
        // Only now (few clauses get here) check for pieces that straddle a word.
        for &(i, at) in &literal {
            let (p, m) = (&pieces[i], matches[i].expect("held pieces have matches"));
            if m.literal[at].1.iter().all(|&s| straddles(r, clause, s, p.chars.len())) {
                covered -= p.weight * (1.0 - STRADDLING);
            }
        }
        if !missing.is_empty() {
            covered += heading_context(r, clause, pieces, &missing, &mut held);
        }
        let share = covered / total;
        let substantive =
            held.iter().any(|h| !h.in_heading && (pieces[h.piece].chars.len() > 1 || h.synonym.is_some()));
        let holds = |piece| held.iter().any(|h| Some(h.piece) == piece && !h.in_heading);
        let enough = match rule {
            Floor::Share => share + f32::EPSILON >= MIN_SHARE || share + f32::EPSILON >= floor && holds(heaviest),
            Floor::Question => holds(rarest_known),
            Floor::Any => true,
        };
        if !enough || !substantive {
            continue;
        }
        // rank::score wants terms in query order with sorted starts: held is in piece order.
        // Each piece held only through a synonym costs the clause SYNONYM_RANK once more, so that
        // length normalisation does not lift a short clause holding 执行 over one holding 施行.
        let through = held.iter().filter(|h| h.synonym.is_some() && !h.in_heading).count();
        let score =
            rank::score(&terms, &facts, r.index().average_chars()) * share * share * rank::power(SYNONYM_RANK, through);
        hits.push(RelaxedHit { clause, score, share, held });
    }
    rank::sort_top(&mut hits, top, |h| (h.clause, h.score));
    hits
}

/// True when the occurrence `start..start + len` in clause `clause` cuts a segmenter word
/// of the text in two: a word that begins inside it and ends after it, or begins before
/// it and ends inside it.
///
/// Only two-character words across either edge are looked up (企业 across the end of 高企
/// in 提高企业, 职称 in 在职称): that is where one word hides inside two, in two lookups.
fn straddles(r: &Reader<'_>, clause: u32, start: usize, len: usize) -> bool {
    if len < 2 {
        return false;
    }
    let text = r.folded(clause);
    let end = start + len;
    let is_word = |from: usize| {
        from + 2 <= text.len()
            && text[from..from + 2].iter().all(|&c| is_han(c))
            && r.word_of(&text[from..from + 2]).is_some_and(|w| w.segmenter)
    };
    is_word(end - 1) || (start > 0 && is_word(start - 1))
}

/// Weight of the `missing` pieces found in the headings above `clause` (at
/// [`HEADING_CONTEXT`]), recording them in `held`.
fn heading_context(r: &Reader<'_>, clause: u32, pieces: &[Piece], missing: &[usize], held: &mut Vec<Held>) -> f32 {
    let path = r.folded_context(clause);
    let mut weight = 0.0;
    for &i in missing {
        let p = &pieces[i];
        if p.chars.len() > 1 && !keys::occurrences(path, &p.chars).is_empty() {
            weight += p.weight * HEADING_CONTEXT;
            held.push(Held { piece: i, synonym: None, in_heading: true });
        }
    }
    weight
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::testing::{names, query, reader};

    /// The pieces of `raw` and its relaxed hits, best first (no exact hit left out).
    fn related(r: &Reader<'_>, raw: &str) -> (Vec<Piece>, Vec<RelaxedHit>) {
        let pieces = pieces(r, &query(r, raw), Vec::new());
        let hits = relaxed(r, &pieces, &[], 100);
        (pieces, hits)
    }

    fn texts(pieces: &[Piece]) -> Vec<&str> {
        pieces.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn a_query_typed_without_spaces_finds_the_clause_holding_all_its_pieces() {
        let r = reader();
        let raw = "众创空间认定奖励";
        assert!(exact::exact(&r, &query(&r, raw), 10).0.is_empty(), "no clause holds it as typed");
        let (pieces, hits) = related(&r, raw);
        assert_eq!(texts(&pieces), ["众创空间", "认定", "奖励"]);
        assert_eq!(names(&r, [hits[0].clause]), ["makerspace 1.1"]);
        assert_eq!(hits[0].share, 1.0);
        assert_eq!(hits[0].held.iter().map(|h| h.piece).collect::<Vec<_>>(), [0, 1, 2]);
        // The Traditional 國家級孵化器 clause holds 認定 and 獎勵: related, below it.
        assert_eq!(names(&r, hits.iter().map(|h| h.clause)), ["makerspace 1.1", "incubator 1.1"]);
        assert!(hits[1].share < 1.0 && hits[1].score < hits[0].score);
    }

    #[test]
    fn a_question_word_weighs_nothing() {
        let r = reader();
        let (pieces, hits) = related(&r, "如何申请人才公寓");
        assert!(pieces[0].stop && pieces[0].weight == 0.0, "{pieces:?}");
        assert_eq!(names(&r, hits.iter().map(|h| h.clause)), ["talent 1.1"]);
        assert_eq!(hits[0].share, 1.0);
    }

    #[test]
    fn a_synonym_from_the_manifest_is_used_and_reported() {
        let r = reader();
        // The manifest's rule 人才房 => 人才公寓: the corpus never writes 人才房.
        assert!(exact::matches(&r, &['人', '才', '房']).is_empty());
        let (pieces, hits) = related(&r, "人才房租金");
        assert_eq!(texts(&pieces), ["人才房", "租金"]);
        assert_eq!(pieces[0].synonyms, ["人才公寓"]);
        assert_eq!(names(&r, hits.iter().map(|h| h.clause)), ["talent 1.1"]);
        assert_eq!(hits[0].share, 1.0, "a synonym counts fully for coverage");
        let held = |piece: usize| hits[0].held.iter().find(|h| h.piece == piece).unwrap();
        assert_eq!(held(0).synonym.as_deref(), Some("人才公寓"));
        assert_eq!(held(1).synonym, None, "租金 is held as typed");
    }

    #[test]
    fn an_everyday_word_the_corpus_lacks_finds_its_word_through_the_general_thesaurus() {
        // 商家 is in no clause; 同义词词林 groups it with 企业, which the corpus writes.
        for r in [reader(), crate::testing::sharded()] {
            assert!(r.word("商家").is_none() && exact::matches(&r, &['商', '家']).is_empty());
            let (pieces, hits) = related(&r, "商家研发投入");
            assert_eq!(texts(&pieces), ["商家", "研发", "投入"]);
            assert_eq!(pieces[0].synonyms, ["企业"]);
            assert_eq!(names(&r, [hits[0].clause]), ["talent 2.1"]);
            let held = hits[0].held.iter().find(|h| h.piece == 0).unwrap();
            assert_eq!(held.synonym.as_deref(), Some("企业"), "the hit says which word it matched through");
        }
    }

    #[test]
    fn a_run_the_vocabulary_lacks_is_cut_at_the_general_thesaurus_words() {
        let r = reader();
        // Neither 嘉奖 (奖励 in the corpus) nor 商家 (企业) is a vocabulary word: the run is
        // cut at the general thesaurus's words, not kept whole as one unknown piece.
        assert!(r.word_of(&['嘉', '奖', '商', '家']).is_none() && r.word("嘉奖").is_none());
        let (pieces, hits) = related(&r, "嘉奖商家");
        assert_eq!(texts(&pieces), ["嘉奖", "商家"]);
        assert_eq!(pieces[0].synonyms, ["奖励"]);
        assert!(!hits.is_empty());
    }

    #[test]
    fn with_every_piece_known_a_clause_holding_the_heaviest_is_related() {
        let r = reader();
        let (pieces, hits) = related(&r, "众创空间认定减免");
        assert!(pieces.iter().all(|p| p.clauses > 0));
        let heaviest = (0..pieces.len()).max_by(|&a, &b| pieces[a].weight.total_cmp(&pieces[b].weight)).unwrap();
        assert_eq!(pieces[heaviest].text, "减免");
        // 房租减免 holds 减免 alone: less than the strict share, enough for a query the corpus
        // knows every piece of.
        let rent = hits.iter().find(|h| names(&r, [h.clause]) == ["incubator 2.1"]).expect("a related hit");
        assert_eq!(rent.held.iter().map(|h| h.piece).collect::<Vec<_>>(), [heaviest]);
        assert!(rent.share < MIN_SHARE);
    }

    #[test]
    fn a_piece_the_corpus_lacks_keeps_the_strict_share() {
        let r = reader();
        // 税 is in no clause: incubator 2.1 holds 减免, the heaviest piece, and as much of the
        // weight as would do if the corpus knew every piece (see the test above) — not enough
        // when it lacks one.
        let (pieces, hits) = related(&r, "众创空间减免税");
        assert_eq!(texts(&pieces), ["众创空间", "减免", "税"]);
        assert_eq!(pieces[2].clauses, 0);
        assert!(pieces.iter().all(|p| p.weight <= pieces[1].weight));
        let share = pieces[1].weight / pieces.iter().map(|p| p.weight).sum::<f32>();
        assert!((MIN_SHARE_KNOWN..MIN_SHARE).contains(&share), "{share}");
        assert_eq!(hits, []);
        // Nor does a clause holding 众创空间 and 认定 answer a question about 住房公积金 (one
        // piece the corpus lacks, not five characters it has).
        let (pieces, hits) = related(&r, "众创空间认定住房公积金");
        assert_eq!(texts(&pieces), ["众创空间", "认定", "住房公积金"]);
        assert_eq!(hits, []);
    }

    #[test]
    fn the_clauses_to_skip_are_left_out() {
        let r = reader();
        let pieces = pieces(&r, &query(&r, "众创空间认定奖励"), Vec::new());
        let first = relaxed(&r, &pieces, &[], 100)[0].clause;
        let rest = relaxed(&r, &pieces, &[first], 100);
        assert!(!rest.is_empty() && rest.iter().all(|h| h.clause != first));
    }
}
