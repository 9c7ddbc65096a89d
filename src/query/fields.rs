//! Search by field: the query's terms looked for in one field of the documents only, as the
//! scope control of a 政策文件库 search offers (标题, 文号, 正文). [`Field::Body`] is the usual
//! tiers without their document hits (the engine drops those); the other two are literal
//! matches over each document's field. Those two are in the natural module only, like the
//! document tier they narrow: in the exact module they find nothing, so the element waits for the
//! natural one, fetched when a query needs it (compiled into the exact module they cost every
//! first result 1 KB brotli for a search few visitors make).
//!
//! - **title**: every included term occurs in the document's folded title, no excluded one does
//!   (token boundaries as in the exact tier: `12` is not found in `2012`);
//! - **文号**: the same over the document's 文号, with every kind of bracket and 年 read as a
//!   space and 第 left out on both sides, so `国办发〔2019〕`, `国办发[2019]`, `2019年12号` and
//!   `国令708号` find the 文号s that hold them; a trailing 文 after 号 (`12号文`) is dropped.
//!
//! Best first: the share of the field the terms cover (a short title that is mostly the query
//! before a long one that mentions it), then document order.

use policy_search_index::keys;
use policy_search_sort as sort;

use crate::{embedded::NATURAL, query::Query, reader::Reader};

/// Where a query's terms are looked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Field {
    /// Everywhere: clauses, titles and 文号 (the default).
    #[default]
    All,
    /// Document titles only: the hits are documents.
    Title,
    /// 文号 only: the hits are documents.
    Number,
    /// The clauses' text only: no document hits.
    Body,
}

impl Field {
    /// Every field, in the order a scope control lists them.
    pub const ALL: [Field; 4] = [Field::All, Field::Title, Field::Number, Field::Body];

    /// The name in URLs, the CLI's `--in` and the bindings' `in` option.
    pub fn name(self) -> &'static str {
        match self {
            Field::All => "all",
            Field::Title => "title",
            Field::Number => "number",
            Field::Body => "body",
        }
    }

    /// The field named `name` ([`Field::name`]).
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Whether this field's hits are documents, not clauses.
    pub fn documents(self) -> bool {
        matches!(self, Field::Title | Field::Number)
    }
}

/// The documents whose `field` ([`Field::Title`] or [`Field::Number`]; nothing for the others)
/// holds the query, best first, each with the share of the field its terms cover.
pub(crate) fn documents(r: &Reader<'_>, query: &Query, field: Field) -> Vec<(u32, f32)> {
    if !NATURAL {
        return Vec::new();
    }
    let number = field == Field::Number;
    let read = |text: &str| if number { plain_number(r, text) } else { text.chars().map(|c| r.fold_char(c)).collect() };
    let terms: Vec<Vec<char>> = query.include.iter().map(|t| term(&t.chars, number)).collect();
    let excluded: Vec<Vec<char>> = query.exclude.iter().map(|t| term(&t.chars, number)).collect();
    // `[best first, document]`: sorted through the one `[u32; 2]` sort the engine has (a sort of
    // another type adds kilobytes to the wasm); a share's bits order as the share does.
    let mut ranked: Vec<[u32; 2]> = Vec::new();
    for d in 0..r.index().doc_count() {
        let Some(doc) = r.index().doc(d) else { continue };
        let text = match field {
            Field::Title => read(doc.title),
            Field::Number => match doc.number {
                Some(n) => read(n),
                None => continue,
            },
            Field::All | Field::Body => return Vec::new(),
        };
        let holds = |t: &Vec<char>| !keys::occurrences(&text, t).is_empty();
        // An empty term (a 文号 term of brackets only) holds nowhere: no document.
        if terms.iter().all(holds) && !excluded.iter().any(holds) {
            let covered: usize = terms.iter().map(Vec::len).sum();
            let share = covered as f32 / text.len().max(1) as f32;
            ranked.push([u32::MAX - share.to_bits(), d]);
        }
    }
    sort::sort(&mut ranked);
    ranked.into_iter().map(|[share, d]| (d, f32::from_bits(u32::MAX - share))).collect()
}

/// A folded term as the field reads it.
fn term(chars: &[char], number: bool) -> Vec<char> {
    if !number {
        return chars.to_vec();
    }
    let mut plain = plain(chars.iter().copied());
    if plain.ends_with(&['号', '文']) {
        plain.pop();
    }
    plain
}

/// A 文号 folded and read as [`plain`] reads it.
fn plain_number(r: &Reader<'_>, text: &str) -> Vec<char> {
    plain(text.chars().map(|c| r.fold_char(c)))
}

/// Brackets of every kind and 年 as one space, 第 left out, spaces at the ends trimmed.
fn plain(chars: impl Iterator<Item = char>) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for c in chars {
        match c {
            '第' => {}
            '年' | '[' | ']' | '(' | ')' | '〔' | '〕' | '［' | '］' | '（' | '）' | '【' | '】' | '〖' | '〗'
            | '{' | '}' => {
                if out.last().is_some_and(|&l| l != ' ') {
                    out.push(' ');
                }
            }
            c if c.is_whitespace() => {
                if out.last().is_some_and(|&l| l != ' ') {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    if out.last() == Some(&' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_reads_every_bracket_and_year_alike() {
        let p = |s: &str| plain(s.chars()).into_iter().collect::<String>();
        assert_eq!(p("国办发〔2019〕12号"), "国办发 2019 12号");
        assert_eq!(p("国办发[2019] 12号"), "国办发 2019 12号");
        assert_eq!(p("2019年12号"), "2019 12号");
        assert_eq!(p("国令第708号"), "国令708号");
        assert_eq!(term(&"12号文".chars().collect::<Vec<_>>(), true).into_iter().collect::<String>(), "12号");
        assert_eq!(p("（2019）"), "2019");
    }

    #[test]
    fn every_field_has_a_name_it_is_read_back_from() {
        for f in Field::ALL {
            assert_eq!(Field::from_name(f.name()), Some(f));
        }
        assert_eq!(Field::from_name("text"), None);
    }
}
