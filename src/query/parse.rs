//! Query syntax, parsed here and nowhere else (the element asks the engine what it parsed).
//!
//! Space-separated terms are AND (the ideographic space too); a phrase is quoted the way any
//! keyboard quotes (`"…"`, `“…”`, `‘…’`, `「…」`, `『…』`, `＂…＂`) and keeps its spaces; a leading
//! `-`, `－` or `—` excludes. Invisible characters (zero-width, bidi controls, soft hyphen) are
//! dropped first, exactly as the corpus cleaner drops them, and every character is folded with
//! the index's fold table, so `雙創`, `双创` and `ＩＰＯ`/`ipo` are the same query.

use std::fmt;

use policy_search_normalize::is_invisible;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Most distinct terms accepted.
pub const MAX_TERMS: usize = 32;

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Terms every hit must contain, in query order, without repeats.
    pub include: Vec<Term>,
    /// Terms no hit may contain.
    pub exclude: Vec<Term>,
    /// Every included term in the order typed, repeats kept: a repeat adds nothing to a
    /// search, but `ren ren` read as pinyin is 人人.
    pub sequence: Vec<Term>,
}

/// One term, folded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// Folded characters to find.
    pub chars: Vec<char>,
    /// The same characters as typed (for showing the term back to the user).
    pub typed: String,
    /// Written in quotes.
    pub phrase: bool,
}

/// A query that cannot be run, with a message fit to show a user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryError {
    /// Longer than [`MAX_QUERY_CHARS`].
    TooLong {
        /// Characters in the query.
        chars: usize,
    },
    /// More distinct terms than [`MAX_TERMS`].
    TooManyTerms {
        /// Distinct terms in the query.
        terms: usize,
    },
    /// Only `-excluded` terms: nothing to search for.
    OnlyExclusions,
}

impl QueryError {
    /// A stable machine-readable name, for interfaces that word the message themselves.
    pub fn code(&self) -> &'static str {
        match self {
            QueryError::TooLong { .. } => "too_long",
            QueryError::TooManyTerms { .. } => "too_many_terms",
            QueryError::OnlyExclusions => "only_exclusions",
        }
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryError::TooLong { chars } => {
                write!(f, "查询过长：{chars} 个字符，最多 {MAX_QUERY_CHARS} 个 (query too long)")
            }
            QueryError::TooManyTerms { terms } => {
                write!(f, "检索词过多：{terms} 个，最多 {MAX_TERMS} 个 (too many terms)")
            }
            QueryError::OnlyExclusions => {
                write!(f, "请至少输入一个不带“-”的检索词 (a query needs a term that is not excluded)")
            }
        }
    }
}

impl std::error::Error for QueryError {}

/// The closing quote of an opening one (after folding: `＂` is already `"`).
fn closing_quote(open: char) -> Option<char> {
    Some(match open {
        '"' => '"',
        '“' => '”',
        '‘' => '’',
        '「' => '」',
        '『' => '』',
        _ => return None,
    })
}

/// Parses `raw`, folding every character with `fold`.
pub fn parse(raw: &str, fold: impl Fn(char) -> char) -> Result<Query, QueryError> {
    let count = raw.chars().count();
    if count > MAX_QUERY_CHARS {
        return Err(QueryError::TooLong { chars: count });
    }
    // Control characters separate terms like spaces do; invisible ones are not there at all.
    let typed: Vec<char> = raw.chars().filter(|&c| !is_invisible(c)).collect();
    let chars: Vec<char> = typed.iter().map(|&c| if c.is_control() { ' ' } else { fold(c) }).collect();
    let mut query = Query::default();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let negate = matches!(chars[i], '-' | '－' | '—') && chars.get(i + 1).is_some_and(|c| !c.is_whitespace());
        if negate {
            i += 1;
        }
        let (term, phrase) = if let Some(close) = closing_quote(chars[i]) {
            // `"` closes any quote too: phones mix smart and straight quotes.
            let end = chars[i + 1..].iter().position(|&c| c == close || c == '"').map_or(chars.len(), |p| i + 1 + p);
            let span = i + 1..end;
            i = end + 1;
            (span, true)
        } else {
            let end = chars[i..].iter().position(|c| c.is_whitespace()).map_or(chars.len(), |p| i + p);
            let span = i..end;
            i = end;
            (span, false)
        };
        let (term, typed) = (chars[term.clone()].to_vec(), typed[term].iter().collect::<String>());
        if term.iter().all(|c| c.is_whitespace()) {
            continue;
        }
        let term = Term { chars: term, typed, phrase };
        if !negate {
            query.sequence.push(term.clone());
        }
        let list = if negate { &mut query.exclude } else { &mut query.include };
        if !list.iter().any(|t| t.chars == term.chars) {
            list.push(term);
        }
    }
    let terms = query.include.len() + query.exclude.len();
    if terms > MAX_TERMS {
        return Err(QueryError::TooManyTerms { terms });
    }
    if query.include.is_empty() && !query.exclude.is_empty() {
        return Err(QueryError::OnlyExclusions);
    }
    Ok(query)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(raw: &str) -> Result<(Vec<String>, Vec<String>), QueryError> {
        let q = parse(raw, |c| c.to_ascii_lowercase())?;
        let s = |ts: &[Term]| ts.iter().map(|t| t.chars.iter().collect()).collect();
        Ok((s(&q.include), s(&q.exclude)))
    }

    #[test]
    fn reads_and_or_phrase_and_exclusion() {
        assert_eq!(p("返乡 创业").unwrap(), (vec!["返乡".into(), "创业".into()], vec![]));
        assert_eq!(p("\"科技成果转化\" 基金").unwrap().0, ["科技成果转化", "基金"]);
        assert_eq!(p("\"a b\"").unwrap().0, ["a b"]);
        assert_eq!(p("孵化 -众创空间").unwrap(), (vec!["孵化".into()], vec!["众创空间".into()]));
        assert_eq!(p("IPO ipo").unwrap().0, ["ipo"], "repeats collapse");
        assert_eq!(p("5%-10% -").unwrap().0, ["5%-10%", "-"]);
    }

    #[test]
    fn reads_operators_as_chinese_keyboards_type_them() {
        for q in [
            "“科技成果 转化” 基金",
            "「科技成果 转化」 基金",
            "『科技成果 转化』\u{3000}基金",
            "‘科技成果 转化’ 基金",
            "“科技成果 转化\" 基金",
        ] {
            let (inc, _) = p(q).unwrap();
            assert_eq!(inc, ["科技成果 转化", "基金"], "{q}");
        }
        assert_eq!(p("孵化 —众创空间").unwrap(), (vec!["孵化".into()], vec!["众创空间".into()]));
        assert_eq!(p("众\u{200B}创\u{2060}空间\u{FEFF}").unwrap().0, ["众创空间"]);
    }

    #[test]
    fn empty_and_bad_queries_get_clear_answers() {
        assert_eq!(p("").unwrap(), (vec![], vec![]));
        assert_eq!(p(" \t\u{3000}\u{0}").unwrap(), (vec![], vec![]));
        assert_eq!(p("\"\"").unwrap(), (vec![], vec![]));
        assert_eq!(p("-孵化"), Err(QueryError::OnlyExclusions));
        assert_eq!(p(&"长".repeat(1001)), Err(QueryError::TooLong { chars: 1001 }));
        let many: String = (0..40).map(|i| format!("t{i} ")).collect();
        assert_eq!(p(&many), Err(QueryError::TooManyTerms { terms: 40 }));
    }
}
