//! The general thesaurus: synonym groups of a general Chinese dictionary (同义词词林扩展版,
//! `data/cilin/synonyms.txt`), for the everyday words a portal's own rules never list
//! (偷 for 盗窃, 出国 for 出境, 坐牢 for 服刑).
//!
//! Only what reaches the corpus is kept, and only where the corpus says it otherwise: a group
//! gives each of its words of two characters or more the group's words that the corpus holds
//! **more than twice as often** (two characters or more) — the corpus's word for what the
//! query calls otherwise. A word the corpus lacks gets every held word of its groups; a word it
//! writes rarely (出国, in 2 clauses of a law corpus; at most [`RARE`]) gets the usual one
//! (出境, in 11). A word the corpus uses more, or as much as its synonyms, keeps its literal
//! matches alone (企业 is not widened
//! to 公司, nor its weight diluted by it), and a group whose words the corpus lacks gives
//! nothing. A single character as a target would match inside unrelated words.

use std::collections::{BTreeMap, BTreeSet};

/// Most clauses a word the corpus holds may be in and still get the corpus's usual word for
/// it: a word written more often finds enough as it is (施行, in 69 clauses of a law corpus,
/// would otherwise also find every 执行).
pub const RARE: u32 = 5;

/// The groups of a file in the `data/cilin` format: `# comment` lines, then one group a line,
/// a code and its words, space-separated. `source` names the file in errors.
pub fn groups(text: &str, source: &str) -> Result<Vec<Vec<String>>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split_whitespace();
        let code = fields.next().unwrap_or_default();
        let words: Vec<String> = fields.map(str::to_string).collect();
        if !code.ends_with('=') || words.len() < 2 {
            return Err(format!("{source}:{}: expected a code ending in '=' and two or more words", n + 1));
        }
        out.push(words);
    }
    Ok(out)
}

/// What the groups add to a corpus where `clauses(word)` clauses hold a folded word (`Some(0)`:
/// the corpus lacks the word but writes each of its characters; `None`: it lacks one of them,
/// and the index has no code to look the word up by): for each word the corpus lacks (folded),
/// the words of its groups it holds.
pub fn expansions(
    groups: &[Vec<String>],
    fold: impl Fn(&str) -> String,
    clauses: impl Fn(&str) -> Option<u32>,
) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for group in groups {
        let words: Vec<(String, Option<u32>)> = group
            .iter()
            .map(|w| fold(w))
            .map(|w| {
                let n = clauses(&w);
                (w, n)
            })
            .collect();
        // A single character is not looked up: the query side cuts it as a word of its own
        // once it has synonyms, which would split the unknown runs a correction reads (自助).
        for (from, held) in words.iter().filter(|(w, _)| w.chars().count() >= 2) {
            for (to, n) in &words {
                let rarer = |n: u32| held.is_some_and(|h| h <= RARE && 2 * h < n);
                if from != to && to.chars().count() >= 2 && n.is_some_and(rarer) {
                    out.entry(from.clone()).or_default().insert(to.clone());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_gives_each_word_the_others_the_corpus_holds() {
        let groups = groups("# c\nHb01A01= 盗窃 偷窃 偷 窃\nAa01A01= 人 人物\n", "t").unwrap();
        let corpus = [("盗窃", 9), ("人", 50)];
        let clauses = |w: &str| Some(corpus.iter().find(|c| c.0 == w).map_or(0, |c| c.1));
        let got = expansions(&groups, str::to_string, clauses);
        let want: BTreeMap<String, BTreeSet<String>> =
            [("偷窃", "盗窃")].map(|(a, b)| (a.into(), [b.to_string()].into())).into();
        assert_eq!(got, want, "人, 偷, 窃 are one character: neither target nor looked up; 盗窃 is the corpus's own");
    }

    #[test]
    fn a_word_the_corpus_writes_rarely_gets_the_word_it_writes_usually() {
        let groups = groups("Hf04B01= 出境 离境 出国\nHn03B01= 盗窃 偷盗\nHc01A01= 施行 执行\n", "t").unwrap();
        let corpus = [("出境", 11), ("离境", 6), ("出国", 2), ("盗窃", 9), ("偷盗", 5), ("施行", 69), ("执行", 200)];
        let clauses = |w: &str| Some(corpus.iter().find(|c| c.0 == w).map_or(0, |c| c.1));
        let got = expansions(&groups, str::to_string, clauses);
        let want: BTreeMap<String, BTreeSet<String>> =
            [("出国", ["出境".to_string(), "离境".to_string()].into())].map(|(a, b)| (a.into(), b)).into();
        assert_eq!(got, want, "离境 is not rare beside 出境, nor 偷盗 beside 盗窃; 施行 is in more than RARE clauses");
    }

    #[test]
    fn a_word_with_a_character_the_corpus_never_writes_is_not_looked_up() {
        let groups = groups("Hb01A01= 盗窃 偷窃 扒窃\n", "t").unwrap();
        let clauses = |w: &str| match w {
            "盗窃" => Some(9),
            "偷窃" => Some(0),
            _ => None, // 扒
        };
        let got = expansions(&groups, str::to_string, clauses);
        assert_eq!(got.keys().collect::<Vec<_>>(), ["偷窃"]);
    }

    #[test]
    fn a_malformed_line_names_its_file_and_line() {
        assert_eq!(
            groups("Aa01A01= 人 人物\nAa01A02=\n", "f.txt").unwrap_err(),
            "f.txt:2: expected a code ending in '=' and two or more words"
        );
    }

    #[test]
    fn the_bundled_file_parses() {
        let g = groups(crate::GENERAL_SYNONYMS, "data/cilin/synonyms.txt").unwrap();
        assert!(g.len() > 9000, "{}", g.len());
    }
}
