//! The thesaurus: synonym and abbreviation rules in Solr's `synonyms.txt` format.
//!
//! ```text
//! # comment
//! 补贴, 补助, 资助        equivalents: a query for any one also finds the others
//! 电竞 => 电子竞技         one-way: a query for 电竞 also finds 电子竞技, not back
//! ```
//!
//! Entries are folded with the one normalization before use, so a Traditional or full-width
//! entry means the same as its Simplified form.

use std::collections::{BTreeMap, BTreeSet};

/// One rule: each word of `from` also finds every word of `to` (an equivalence `a, b, c` is
/// the rule `a, b, c => a, b, c`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Words the rule applies to.
    pub from: Vec<String>,
    /// Words they also find.
    pub to: Vec<String>,
}

/// Parsed rules, and the expansion table they define.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Thesaurus {
    /// Rules in file order.
    pub rules: Vec<Rule>,
}

impl Thesaurus {
    /// Parses `text`; `source` names it in errors (`data/synonyms.txt:12: …`).
    pub fn parse(text: &str, source: &str) -> Result<Thesaurus, String> {
        let mut rules = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if let Some(rule) = parse_rule(line).map_err(|e| format!("{source}:{}: {e}", n + 1))? {
                rules.push(rule);
            }
        }
        Ok(Thesaurus { rules })
    }

    /// Parses rules given one per string (the corpus manifest's `synonyms` list).
    pub fn parse_lines(lines: &[String], source: &str) -> Result<Thesaurus, String> {
        Thesaurus::parse(&lines.join("\n"), source)
    }

    /// Appends another thesaurus's rules.
    pub fn extend(&mut self, other: Thesaurus) {
        self.rules.extend(other.rules);
    }

    /// For every word, the other words it also finds, with every word passed through `fold`.
    /// Words that only find themselves are left out.
    pub fn expansions(&self, fold: impl Fn(&str) -> String) -> BTreeMap<String, BTreeSet<String>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for rule in &self.rules {
            for from in &rule.from {
                let from = fold(from);
                for to in &rule.to {
                    let to = fold(to);
                    if to != from {
                        out.entry(from.clone()).or_default().insert(to);
                    }
                }
            }
        }
        out
    }
}

/// One line: `None` for blank lines and comments.
fn parse_rule(line: &str) -> Result<Option<Rule>, String> {
    let line = line.split_once('#').map_or(line, |(before, _)| before).trim();
    if line.is_empty() {
        return Ok(None);
    }
    let words = |side: &str| -> Result<Vec<String>, String> {
        let words: Vec<String> = side.split([',', '，']).map(|w| w.trim().to_string()).collect();
        if words.iter().any(String::is_empty) {
            return Err(format!("empty word in {side:?}"));
        }
        Ok(words)
    };
    let rule = match line.split_once("=>") {
        Some((from, to)) => {
            if to.contains("=>") {
                return Err("more than one `=>`".into());
            }
            Rule { from: words(from)?, to: words(to)? }
        }
        None => {
            let all = words(line)?;
            if all.len() < 2 {
                return Err(format!("{line:?} lists one word; equivalents need two or more (or use `a => b`)"));
            }
            Rule { from: all.clone(), to: all }
        }
    };
    Ok(Some(rule))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_equivalents_one_way_rules_and_comments() {
        let t = Thesaurus::parse("# c\n\n补贴, 补助 ,资助\n电竞 => 电子竞技 # short\n", "t").unwrap();
        assert_eq!(t.rules.len(), 2);
        let x = t.expansions(str::to_string);
        assert_eq!(x["补贴"].iter().collect::<Vec<_>>(), ["补助", "资助"]);
        assert_eq!(x["电竞"].iter().collect::<Vec<_>>(), ["电子竞技"]);
        assert!(!x.contains_key("电子竞技"), "one-way");
    }

    #[test]
    fn bad_lines_name_the_file_and_line() {
        assert_eq!(
            Thesaurus::parse("a, b\n补贴\n", "syn.txt").unwrap_err(),
            "syn.txt:2: \"补贴\" lists one word; equivalents need two or more (or use `a => b`)"
        );
        assert!(Thesaurus::parse("a => b => c", "s").unwrap_err().starts_with("s:1: more than one"));
        assert!(Thesaurus::parse("a,, b", "s").unwrap_err().contains("empty word"));
    }
}
