//! Numbering markers at the start of a paragraph: `一、` `（一）` `1.` `（1）` `——` `PART 01`
//! `第一编` `第一分编` `第一章` `第一节` `第一条` (at any number: `第一千二百六十条`), tolerant of
//! what scraping does to them (`十三)` without its opening bracket, `1. ` with a space, ASCII or
//! full-width brackets).

use policy_search_normalize::numerals::{from_chinese, to_chinese, CN_DIGITS};

/// The kinds of numbering, in the order they nest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `第一编`: a code's book (民法典).
    Book,
    /// `第一分编`: a part of a book.
    SubBook,
    /// `PART 01` banners used as top-level section labels.
    Part,
    /// `第一章`.
    Chapter,
    /// `第一节`.
    Section,
    /// `第一条`.
    Article,
    /// `一、`.
    Cn,
    /// `（一）`.
    ParenCn,
    /// `1.` / `1、`.
    Num,
    /// `（1）`.
    ParenNum,
}

impl Kind {
    /// Nesting depth: a marker closes every open marker of equal or greater rank.
    pub fn rank(self) -> u8 {
        match self {
            Kind::Book => 0,
            Kind::SubBook => 1,
            Kind::Part | Kind::Chapter => 2,
            Kind::Section => 3,
            Kind::Article | Kind::Cn => 4,
            Kind::ParenCn => 5,
            Kind::Num => 6,
            Kind::ParenNum => 7,
        }
    }

    /// The label as it is cited, in its standard form.
    pub fn label(self, n: u32) -> String {
        let cn = to_chinese(n);
        match self {
            Kind::Book => format!("第{cn}编"),
            Kind::SubBook => format!("第{cn}分编"),
            Kind::Part => format!("PART {n:02}"),
            Kind::Chapter => format!("第{cn}章"),
            Kind::Section => format!("第{cn}节"),
            Kind::Article => format!("第{cn}条"),
            Kind::Cn => format!("{cn}、"),
            Kind::ParenCn => format!("（{cn}）"),
            Kind::Num => format!("{n}."),
            Kind::ParenNum => format!("（{n}）"),
        }
    }
}

/// A marker found at the start of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    /// What kind of numbering.
    pub kind: Kind,
    /// Its number.
    pub number: u32,
    /// Byte offset in the paragraph where the text after the marker starts.
    pub rest: usize,
}

/// Reads the marker at the start of `text`, if there is one.
pub fn parse(text: &str) -> Option<Marker> {
    let text_lc = text.to_ascii_lowercase();
    if let Some(after) = text_lc.strip_prefix("part") {
        let body = after.trim_start();
        let digits: String = body.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            let rest = text.len() - body.len() + digits.len();
            return Some(Marker { kind: Kind::Part, number: digits.parse().ok()?, rest: skip_space(text, rest) });
        }
    }
    if let Some(after) = text.strip_prefix('第') {
        // Articles of a code run past a thousand (民法典 第一千二百六十条, or 第1260条).
        let (n, len) = leading_number(after, 4)?;
        let unit = &after[len..];
        let (kind, unit_len) = if unit.starts_with("分编") || unit.starts_with("分編") {
            (Kind::SubBook, "分编".len())
        } else {
            let kind = match unit.chars().next()? {
                '编' | '編' => Kind::Book,
                '章' => Kind::Chapter,
                '节' | '節' => Kind::Section,
                '条' | '條' => Kind::Article,
                _ => return None,
            };
            (kind, '条'.len_utf8())
        };
        let rest = '第'.len_utf8() + len + unit_len;
        return Some(Marker { kind, number: n, rest: skip_space(text, rest) });
    }
    let (open, inner) = match text.chars().next()? {
        c @ ('(' | '（') => (c.len_utf8(), &text[c.len_utf8()..]),
        _ => (0, text),
    };
    let (n, len) = leading_number(inner, 3)?;
    let numeral_is_cn = !inner.starts_with(|c: char| c.is_ascii_digit());
    let after = &inner[len..];
    let close = after.chars().next()?;
    let rest = open + len + close.len_utf8();
    let kind = match (open > 0, close, numeral_is_cn) {
        (_, ')' | '）', true) => Kind::ParenCn, // `十三)` lost its opening bracket
        (true, ')' | '）', false) => Kind::ParenNum,
        (false, '、', true) => Kind::Cn,
        (false, '.' | '．' | '、', false) => {
            // `3.7%` is a number, not a marker.
            if after[close.len_utf8()..].starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            Kind::Num
        }
        _ => return None,
    };
    Some(Marker { kind, number: n, rest: skip_space(text, rest) })
}

/// True for a bullet paragraph (`——坚持…`); returns the byte offset of its text.
pub fn bullet(text: &str) -> Option<usize> {
    let rest = text.trim_start_matches(['—', '－', '-']);
    let dashes = text[..text.len() - rest.len()].chars().count();
    (dashes >= 2 && !rest.is_empty()).then_some(text.len() - rest.len())
}

fn skip_space(text: &str, at: usize) -> usize {
    at + text[at..].len() - text[at..].trim_start().len()
}

/// A number written in Arabic (at most `max_digits` digits: `1000万元` is no marker) or Chinese
/// numerals at the start of `s`.
fn leading_number(s: &str, max_digits: usize) -> Option<(u32, usize)> {
    let arabic: String = s.chars().take_while(char::is_ascii_digit).collect();
    if !arabic.is_empty() {
        if arabic.len() > max_digits {
            return None;
        }
        return Some((arabic.parse().ok()?, arabic.len()));
    }
    let cn: String = s.chars().take_while(|c| CN_DIGITS.contains(*c)).collect();
    Some((from_chinese(&cn)?, cn.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str) -> Option<(Kind, u32, &str)> {
        parse(text).map(|m| (m.kind, m.number, &text[m.rest..]))
    }

    #[test]
    fn reads_each_level() {
        assert_eq!(m("一、总体要求"), Some((Kind::Cn, 1, "总体要求")));
        assert_eq!(m("(十一)著力完善政策链"), Some((Kind::ParenCn, 11, "著力完善政策链")));
        assert_eq!(m("（二）基本原则"), Some((Kind::ParenCn, 2, "基本原则")));
        assert_eq!(m("1.政府+市场"), Some((Kind::Num, 1, "政府+市场")));
        assert_eq!(m("12. 助力领军企业提能"), Some((Kind::Num, 12, "助力领军企业提能")));
        assert_eq!(m("3、推进"), Some((Kind::Num, 3, "推进")));
        assert_eq!(m("(1)研发资助"), Some((Kind::ParenNum, 1, "研发资助")));
        assert_eq!(m("PART 02 政策措施"), Some((Kind::Part, 2, "政策措施")));
        assert_eq!(m("第十二条 本办法"), Some((Kind::Article, 12, "本办法")));
        assert_eq!(m("第一编 总则"), Some((Kind::Book, 1, "总则")));
        assert_eq!(m("第二分编 典型合同"), Some((Kind::SubBook, 2, "典型合同")));
        assert_eq!(m("第三节 保证"), Some((Kind::Section, 3, "保证")));
        assert_eq!(m("第一千二百六十条 本法自"), Some((Kind::Article, 1260, "本法自")));
        assert_eq!(m("第1260条本法"), Some((Kind::Article, 1260, "本法")));
    }

    #[test]
    fn tolerates_a_lost_opening_bracket() {
        assert_eq!(m("十三)加强统计监测"), Some((Kind::ParenCn, 13, "加强统计监测")));
    }

    #[test]
    fn is_not_fooled_by_numbers_in_text() {
        for text in ["3.7%以上", "2018年,实现", "(AI)", "(国发〔2018〕32号)", "一带一路", "十分重要", "1000万元"]
        {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn reads_bullets() {
        assert_eq!(bullet("——坚持改革先行"), Some("——".len()));
        assert_eq!(bullet("——"), None);
        assert_eq!(bullet("坚持"), None);
    }
}
