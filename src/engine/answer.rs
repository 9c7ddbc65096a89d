//! Answer assembly: everything one parsed query finds, tier by tier, before filters and
//! paging ([`Answer`]); the homophone correction tried when it finds little; and the one
//! ranked list over the query's answer and its pinyin readings' ([`ranked`]).
//!
//! Free functions over a [`Reader`], like the tiers they call; the natural tiers are behind
//! [`NATURAL`], so the browser's exact module compiles none of them.

use policy_search_index::keys;
use policy_search_sort as sort;

use crate::{
    embedded::NATURAL,
    query::{
        exact,
        fields::{self, Field},
        natural::{
            correction::{self, Candidate, Correction},
            reference,
            relaxed::{self, Piece, RelaxedHit},
            titles::{self, DocMatch},
        },
        Query,
    },
    reader::Reader,
};

/// A correction is taken when the query as typed has no exact hit and the correction has one,
/// or its best clause holds at least [`CORRECTION_SHARE`] of it and this much more than the
/// query as typed.
const CORRECTION_GAIN: f32 = 0.2;
/// See [`CORRECTION_GAIN`]: a correction found only by the relaxed tier must be nearly whole.
const CORRECTION_SHARE: f32 = 0.9;
/// A query whose every word some clause holds is corrected only when a homophone puts this
/// many times as many clauses around the other words.
const CONTEXT_GAIN: usize = 3;
/// Candidates whose relaxed tier is computed when none has an exact hit.
const CORRECTIONS_RANKED: usize = 4;

/// Everything one query finds, before paging.
pub(crate) struct Answer {
    pub query: Query,
    pub pieces: Vec<Piece>,
    /// Clauses the query cites by document and article number: listed first.
    pub references: Vec<u32>,
    pub documents: Vec<(u32, DocMatch, f32)>,
    pub exact: Vec<(u32, f32)>,
    pub relaxed: Vec<RelaxedHit>,
}

impl Answer {
    /// Share of the query's weight held by the best relaxed hit (1 for an exact hit).
    pub fn best_share(&self) -> f32 {
        if !self.exact.is_empty() || !self.documents.is_empty() || !self.references.is_empty() {
            return 1.0;
        }
        self.relaxed.iter().map(|h| h.share).fold(0.0, f32::max)
    }

    /// The query's included terms, folded, as one string a space apart.
    pub fn terms_text(&self) -> String {
        self.query.include.iter().map(|t| t.chars.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
    }
}

/// The exact tier alone for one parsed query.
pub(crate) fn exact_answer(r: &Reader<'_>, query: Query, top: usize) -> Answer {
    let (exact, _) = exact::exact(r, &query, top);
    Answer { query, pieces: Vec::new(), references: Vec::new(), documents: Vec::new(), exact, relaxed: Vec::new() }
}

/// The documents whose title or 文号 (`field`) holds the query, and nothing else
/// ([`fields::documents`]).
pub(crate) fn field_answer(r: &Reader<'_>, query: Query, field: Field) -> Answer {
    let how = if field == Field::Number { DocMatch::Number } else { DocMatch::Title };
    let documents = fields::documents(r, &query, field).into_iter().map(|(d, share)| (d, how, share)).collect();
    Answer { query, pieces: Vec::new(), references: Vec::new(), documents, exact: Vec::new(), relaxed: Vec::new() }
}

/// Every tier for one parsed query.
pub(crate) fn answer(r: &Reader<'_>, query: Query, top: usize) -> Answer {
    answer_reusing(r, query, top, &[])
}

/// [`answer`], with the pieces cut as one of `known` was taken from there
/// ([`relaxed::pieces_reusing`]).
fn answer_reusing(r: &Reader<'_>, query: Query, top: usize, known: &[Piece]) -> Answer {
    let exact = exact::exact(r, &query, top);
    answer_after_exact(r, query, top, known, exact)
}

/// [`answer_reusing`] once the exact tier has answered (`exact`: its hits and each term's
/// matches, as [`exact::exact`] gives them).
fn answer_after_exact(
    r: &Reader<'_>,
    query: Query,
    top: usize,
    known: &[Piece],
    (exact, per_term): (Vec<(u32, f32)>, Vec<exact::Matches>),
) -> Answer {
    let pieces = if NATURAL { relaxed::pieces_reusing(r, &query, per_term, known) } else { Vec::new() };
    let relaxed = if NATURAL { related(r, &query, &pieces, &exact, top) } else { Vec::new() };
    let mut answer = Answer { query, pieces, references: Vec::new(), documents: Vec::new(), exact, relaxed };
    if NATURAL {
        let text = answer.terms_text();
        answer.references = reference::references(r, &text);
        answer.documents = titles::documents(r, &text, &answer.pieces);
        // A document's short name alone (宪法) lists it first, as its title would.
        let named = reference::named(r, &text);
        if answer.references.is_empty() && named.is_empty() {
            within_named(r, &mut answer, &text, top);
        }
        answer.documents.retain(|d| !named.contains(&d.0));
        answer.documents.splice(0..0, named.into_iter().map(|d| (d, DocMatch::Title, 1.0)));
    }
    answer
}

/// A query that names a document and asks something of it (保守国家秘密法什么时候开始施行)
/// lists first the clauses of that document holding any of the rest of it: the relaxed tier
/// over the query's pieces with those of the name weighing nothing, within the named documents
/// (ranked as the tier ranks, words as typed before their synonyms).
fn within_named(r: &Reader<'_>, answer: &mut Answer, text: &str, top: usize) {
    let Some((docs, name, rest)) = reference::scoped(r, text) else { return };
    let pieces: Vec<Piece> = answer
        .pieces
        .iter()
        .map(|p| {
            let mut p = p.clone();
            if name.contains(&p.text) && !rest.contains(&p.text) {
                (p.stop, p.weight) = (true, 0.0);
            }
            p
        })
        .collect();
    if pieces.iter().all(|p| p.stop) {
        return;
    }
    let mut skip: Vec<u32> = answer.exact.iter().map(|e| e.0).collect();
    sort::sort_u32(&mut skip);
    let mut found = relaxed::relaxed_by(r, &pieces, &skip, usize::MAX, relaxed::Floor::Any);
    found.retain(|h| docs.contains(&r.doc_of(h.clause)));
    found.truncate(top);
    answer.relaxed.retain(|h| !found.iter().any(|f| f.clause == h.clause));
    answer.relaxed.splice(0..0, found);
}

/// The relaxed tier's hits, the exact hits and excluded clauses left out. One piece without
/// synonyms holds nothing the exact tier has not found already.
fn related(r: &Reader<'_>, query: &Query, pieces: &[Piece], exact: &[(u32, f32)], top: usize) -> Vec<RelaxedHit> {
    let weighed = pieces.iter().filter(|p| p.weight > 0.0).count();
    if weighed <= 1 && pieces.iter().all(|p| p.synonyms.is_empty()) {
        return Vec::new();
    }
    let mut skip: Vec<u32> = exact.iter().map(|e| e.0).chain(exact::excluded(r, query)).collect();
    sort::sort_u32(&mut skip);
    let found = relaxed::relaxed(r, pieces, &skip, top);
    // A question that nothing answers still shows where its rarest content word is.
    if found.is_empty() && exact.is_empty() && pieces.iter().any(|p| p.frame) {
        return relaxed::relaxed_by(r, pieces, &skip, top, relaxed::Floor::Question);
    }
    found
}

/// The best homophone correction of a query that found no exact hit, with its answer, if
/// it finds clearly more than the query as typed.
pub(crate) fn correct(r: &Reader<'_>, original: &Answer, top: usize) -> Option<(Candidate, Answer)> {
    // The pieces the best clause lacks are where a slip would be.
    let best = original.relaxed.iter().max_by(|a, b| a.share.total_cmp(&b.share));
    let suspects: Vec<&str> = match best {
        Some(hit) => original
            .pieces
            .iter()
            .enumerate()
            .filter(|(i, p)| !p.stop && !hit.held.iter().any(|h| h.piece == *i && !h.in_heading))
            .map(|(_, p)| p.text.as_str())
            .collect(),
        None => Vec::new(),
    };
    let candidates = correction::candidates(r, &original.query, &suspects);
    // Cheap first: a candidate whose corrected term occurs as typed.
    let exact = candidates.iter().filter_map(|c| {
        let n = exact::matches(r, &c.corrected_term(&original.query)).len();
        (n > 0).then_some((c, n))
    });
    // Longer replacements first, then more clauses, then candidate order.
    if let Some((c, _)) = exact.max_by_key(|(c, n)| (c.to.len(), *n)) {
        // The other tiers only for a query the exact tier answers (every term, not just
        // the corrected one).
        let corrected = c.apply(&original.query);
        let found = exact::exact(r, &corrected, top);
        if !found.0.is_empty() {
            return Some((c.clone(), answer_after_exact(r, corrected, top, &original.pieces, found)));
        }
    }
    if original.best_share() >= 1.0 - f32::EPSILON {
        // Every word is in the corpus, and some clause holds them all, never as typed
        // together: a homophone the corpus writes beside the other words far more often is
        // what was meant (国家赔偿实效 → 时效).
        let whole = |a: &Answer| a.relaxed.iter().filter(|h| h.share >= 1.0 - f32::EPSILON).count();
        let held = whole(original).max(1);
        // Only a replacement the corpus writes far more often than what it replaces is worth
        // a search (read from the vocabulary, without fetching any clause).
        let clauses = |w: &[char]| r.word_of(w).map_or(0, |w| w.clauses as usize);
        // A typed word is replaced, not a window across two (国际合作 is not 国期和作).
        let typed_word =
            |c: &Candidate| original.pieces.iter().any(|p| !p.stop && p.text.chars().eq(c.from.iter().copied()));
        return candidates
            .into_iter()
            .filter(|c| typed_word(c) && clauses(&c.to) >= CONTEXT_GAIN * clauses(&c.from).max(1))
            .take(CORRECTIONS_RANKED)
            .filter_map(|c| weighed(r, original, c, top))
            .filter(|(_, a)| whole(a) >= CONTEXT_GAIN * held)
            .max_by_key(|(_, a)| whole(a));
    }
    let floor = original.best_share() + CORRECTION_GAIN;
    candidates
        .into_iter()
        .take(CORRECTIONS_RANKED)
        .filter_map(|c| weighed(r, original, c, top))
        .filter(|(_, a)| a.best_share() >= floor.max(CORRECTION_SHARE))
        .max_by(|a, b| a.1.best_share().total_cmp(&b.1.best_share()))
}

/// The answer to a correction found only by the relaxed tier, when it replaced a word: its
/// replacement is a weighed piece of its own in the corrected query, not a character that
/// joins the text around it or a stop word (保险实效 is not 保险是效). That is read from how
/// the corrected query is cut, before any piece is weighed: a window across two words
/// (国际合作 → 国期和作) would weigh single characters held by most clauses.
fn weighed(r: &Reader<'_>, original: &Answer, c: Candidate, top: usize) -> Option<(Candidate, Answer)> {
    let corrected = c.apply(&original.query);
    if c.to.len() < 2 || !relaxed::weighed_alone(r, &corrected, &c.to) {
        return None;
    }
    let answer = answer_reusing(r, corrected, top, &original.pieces);
    Some((c, answer))
}

/// How a correction is shown: the query as typed with the replaced characters spelled as
/// the corpus spells them (the fold's class representatives are not for reading), naming
/// only the characters that changed (见 → 间, not 众创空见 → 众创空间).
pub(crate) fn correction(r: &Reader<'_>, raw: &str, candidate: &Candidate, answer: &Answer) -> Correction {
    let (from, to) = (&candidate.from, &candidate.to);
    // The replacement as a clause holding it writes it, where it is written as it folds
    // (Simplified); otherwise the folded form itself.
    let spelled: Vec<char> = answer
        .exact
        .iter()
        .map(|e| e.0)
        .chain(answer.relaxed.iter().map(|h| h.clause))
        .find_map(|c| {
            let at = *keys::occurrences(r.folded(c), to).first()?;
            let written: Vec<char> = r.index().clause(c)?.text.chars().skip(at).take(to.len()).collect();
            (written == *to).then_some(written)
        })
        .unwrap_or_else(|| to.clone());
    let typed: Vec<char> = raw.chars().collect();
    let folded: Vec<char> = typed.iter().map(|&c| r.fold_char(c)).collect();
    let at = keys::occurrences(&folded, from).first().copied();
    let mut query = typed.clone();
    if let Some(at) = at {
        query.splice(at..at + from.len(), spelled.iter().copied());
    }
    let head = from.iter().zip(to).take_while(|(a, b)| a == b).count();
    let tail = from[head..].iter().rev().zip(to[head..].iter().rev()).take_while(|(a, b)| a == b).count();
    // What changed, as typed (or folded, if the typed text no longer shows it).
    let changed =
        at.and_then(|at| typed.get(at + head..at + from.len() - tail)).unwrap_or(&from[head..from.len() - tail]);
    Correction {
        original: raw.to_string(),
        query: query.into_iter().collect(),
        from: changed.iter().collect(),
        to: spelled[head..spelled.len() - tail].iter().collect(),
    }
}

/// Where a hit of the ranked list comes from: the query's answer (0) or a pinyin reading's
/// (1…), and which of its lists.
#[derive(Clone, Copy)]
pub(crate) enum Slot {
    Reference(usize, usize),
    Document(usize, usize),
    Exact(usize, usize),
    Relaxed(usize, usize),
}

impl Slot {
    /// The clause it lists (none for a document).
    pub fn clause(self, answers: &[Answer]) -> Option<u32> {
        match self {
            Slot::Reference(a, i) => Some(answers[a].references[i]),
            Slot::Document(..) => None,
            Slot::Exact(a, i) => Some(answers[a].exact[i].0),
            Slot::Relaxed(a, i) => Some(answers[a].relaxed[i].clause),
        }
    }

    /// The answer it comes from (0: the query as typed).
    pub fn answer(self) -> usize {
        match self {
            Slot::Reference(a, _) | Slot::Document(a, _) | Slot::Exact(a, _) | Slot::Relaxed(a, _) => a,
        }
    }
}

/// Exact hits of the first pinyin reading listed before those of the alternatives, which
/// then get [`ALTERNATIVE_LEAD`] each, so that the first page shows every reading (`gaoxiao`:
/// 高校 and 高效) before the rest of each follows.
const FIRST_READING_LEAD: usize = 4;
/// See [`FIRST_READING_LEAD`].
const ALTERNATIVE_LEAD: usize = 3;

/// The ranked list over several answers (the query as typed, then its pinyin readings): the
/// articles the query cites; the query's documents and exact hits; the readings' documents
/// and exact hits, every reading represented near the top; then every answer's relaxed hits
/// — a reading the corpus holds exactly outranks a loose match of the letters as typed. Each
/// document or clause once.
pub(crate) fn ranked(answers: &[Answer]) -> Vec<Slot> {
    let mut out = Vec::new();
    // Whether a document or clause is listed already (indexed by number; grown as needed).
    let (mut docs, mut clauses) = (Seen::default(), Seen::default());
    for (i, &c) in answers[0].references.iter().enumerate() {
        if clauses.insert(c) {
            out.push(Slot::Reference(0, i));
        }
    }
    let mut exact = |out: &mut Vec<Slot>, a: usize, range: std::ops::Range<usize>| {
        for i in range {
            if answers[a].exact.get(i).is_some_and(|e| clauses.insert(e.0)) {
                out.push(Slot::Exact(a, i));
            }
        }
    };
    for (a, answer) in answers.iter().enumerate() {
        for (i, d) in answer.documents.iter().enumerate() {
            if docs.insert(d.0) {
                out.push(Slot::Document(a, i));
            }
        }
        if a == 0 {
            exact(&mut out, 0, 0..answer.exact.len());
        }
    }
    let lead = |a: usize| if a == 1 { FIRST_READING_LEAD } else { ALTERNATIVE_LEAD };
    for a in 1..answers.len() {
        exact(&mut out, a, 0..lead(a));
    }
    for (a, answer) in answers.iter().enumerate().skip(1) {
        exact(&mut out, a, lead(a)..answer.exact.len());
    }
    for (a, answer) in answers.iter().enumerate() {
        for (i, r) in answer.relaxed.iter().enumerate() {
            if clauses.insert(r.clause) {
                out.push(Slot::Relaxed(a, i));
            }
        }
    }
    out
}

/// A set of small numbers, as flags: the ranked list's "listed already".
#[derive(Default)]
struct Seen(Vec<bool>);

impl Seen {
    /// Adds `n`; true when it was not there yet.
    fn insert(&mut self, n: u32) -> bool {
        let n = n as usize;
        if n >= self.0.len() {
            self.0.resize(n + 1, false);
        }
        !std::mem::replace(&mut self.0[n], true)
    }
}
