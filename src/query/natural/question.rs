//! Questions: the frames people wrap a search in (`…是哪一天`, `能不能…`, `需要提供什么…`,
//! `…以后能不能…`), read by one rule set (`crates/normalize/data/question-frames.txt`, which
//! the index's fold also reads) rather than by single stop words, so a frame is found
//! whatever the words around it and however the query is cut.
//!
//! [`frames`] marks the characters of a query's frames; the relaxed tier cuts the rest into
//! pieces and gives the frames no weight, and a query that holds a frame is a question: when
//! no clause holds enough of it, the clauses holding its rarest known pieces are still shown
//! (`relaxed::Floor::Question`), so a question never dead-ends while one of its content words
//! is in the corpus.

use policy_search_sort as sort;

/// One frame: its literal parts in order; `at_end` when its line ends with a part (`…吗`),
/// which must then end the query.
pub struct Frame {
    parts: Vec<Vec<char>>,
    at_end: bool,
}

/// The frames of `QUESTION_FRAMES`, longest first (read once per reader:
/// [`crate::reader::Reader::question_frames`]).
pub fn frames_list() -> Vec<Frame> {
    let mut frames: Vec<Frame> = policy_search_normalize::QUESTION_FRAMES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| Frame {
            parts: l.split('…').filter(|p| !p.is_empty()).map(|p| p.chars().collect()).collect(),
            at_end: !l.ends_with('…'),
        })
        .collect();
    sort::sort_by_key(&mut frames, |f| std::cmp::Reverse(f.parts.iter().map(Vec::len).sum::<usize>()));
    frames
}

/// For each character of `chars` (folded), whether it belongs to one of the `frames`.
pub fn frames(frames: &[Frame], chars: &[char]) -> Vec<bool> {
    let mut taken = vec![false; chars.len()];
    for frame in frames {
        let mut from = 0;
        let mut spans = Vec::new();
        for part in &frame.parts {
            let Some(at) = find(chars, part, from, &taken) else { break };
            spans.push(at..at + part.len());
            from = at + part.len();
        }
        if spans.len() != frame.parts.len() || (frame.at_end && from != chars.len()) {
            continue;
        }
        for span in spans {
            taken[span].fill(true);
        }
    }
    taken
}

/// The first occurrence of `part` in `chars` at or after `from` that touches no taken character.
fn find(chars: &[char], part: &[char], from: usize, taken: &[bool]) -> Option<usize> {
    (from..=chars.len().checked_sub(part.len())?)
        .find(|&i| chars[i..i + part.len()] == *part && !taken[i..i + part.len()].contains(&true))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The query (folded) with its frames' characters dropped.
    fn content(q: &str) -> String {
        let chars: Vec<char> = q.chars().collect();
        chars.iter().zip(frames(&frames_list(), &chars)).filter(|(_, f)| !f).map(|(c, _)| c).collect()
    }

    #[test]
    fn frames_around_the_content_are_taken_away() {
        assert_eq!(content("涉密人员辞职以后能不能出国"), "涉密人员辞职出国");
        assert_eq!(content("外国请求调查取证需要提供什么材料"), "外国请求调查取证材料");
        assert_eq!(content("机密级的秘密要保密多久"), "机密级的秘密要保密");
        assert_eq!(content("发现国家秘密泄露了怎么办"), "发现国家秘密泄露了");
        assert_eq!(content("新法施行是哪一天"), "新法施行");
        assert_eq!(content("创业补贴可以领多少钱"), "创业补贴可以领");
    }

    #[test]
    fn a_frame_that_ends_a_question_must_end_it() {
        assert_eq!(content("吗啡管理"), "吗啡管理");
        assert_eq!(content("可以申请吗"), "可以申请");
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn a_traditional_question_folds_onto_the_frames() {
        // The test corpus writes none of 么, 吗: the index keeps their fold entries anyway.
        let r = crate::testing::reader();
        assert_eq!(content(&r.fold("創業補貼怎麼辦理嗎")), "创业补贴办理");
    }

    #[test]
    fn a_query_without_a_frame_is_left_whole() {
        let chars: Vec<char> = "众创空间认定奖励".chars().collect();
        assert!(!frames(&frames_list(), &chars).contains(&true));
    }
}
