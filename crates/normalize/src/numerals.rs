//! Chinese numerals as documents number their parts (`第二十二条`, `（三）`) and as people
//! cite them: read by the corpus when it splits clauses, and by the query side when a visitor
//! names an article (`第五十一条`, `第51条`), so both read a number alike.

/// The characters of a Chinese numeral this module reads.
pub const CN_DIGITS: &str = "零〇一二三四五六七八九十百千";

/// Reads Chinese numerals up to 9 999: `十三` 13, `二十` 20, `一百零五` 105, `一千二百六十` 1260.
pub fn from_chinese(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let digit = |c: char| "零一二三四五六七八九".find(c).map(|i| (i / 3) as u32).or((c == '〇').then_some(0));
    let (mut total, mut current) = (0u32, None::<u32>);
    for c in s.chars() {
        let unit = match c {
            '千' => 1000,
            '百' => 100,
            '十' => 10,
            _ => {
                current = Some(digit(c)?);
                continue;
            }
        };
        total += current.unwrap_or(1) * unit;
        current = None;
    }
    let n = total + current.unwrap_or(0);
    (n > 0).then_some(n)
}

/// Writes 1–9 999 in Chinese numerals, the way documents number their sections: `十三`,
/// `一百一十`, `一千零一`, `一千二百六十`.
pub fn to_chinese(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n == 0 {
        return D[0].to_string();
    }
    let mut s = String::new();
    let mut gap = false;
    for (unit, name) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
        let d = (n / unit % 10) as usize;
        if d == 0 {
            gap = !s.is_empty();
            continue;
        }
        if gap {
            s += D[0];
            gap = false;
        }
        // `十三`, not `一十三`, when ten is the highest place.
        if !(unit == 10 && d == 1 && s.is_empty()) {
            s += D[d];
        }
        s += name;
    }
    s
}

/// A number at the start of `chars`, in Arabic digits (at most four) or Chinese numerals:
/// its value and how many characters it took.
pub fn leading_number(chars: &[char]) -> Option<(u32, usize)> {
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        let n = chars[..digits].iter().fold(0u32, |n, c| n * 10 + c.to_digit(10).unwrap_or(0));
        return (n > 0 && digits <= 4).then_some((n, digits));
    }
    let cn = chars.iter().take_while(|c| CN_DIGITS.contains(**c)).count();
    Some((from_chinese(&chars[..cn].iter().collect::<String>())?, cn))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_chinese_numerals() {
        for (s, n) in [
            ("一", 1),
            ("十", 10),
            ("十三", 13),
            ("二十", 20),
            ("二十四", 24),
            ("一百零五", 105),
            ("一百一十", 110),
            ("九百九十九", 999),
            ("一千", 1000),
            ("一千零一", 1001),
            ("一千零一十", 1010),
            ("一千一百", 1100),
            ("一千二百六十", 1260),
        ] {
            assert_eq!(from_chinese(s), Some(n));
            assert_eq!(to_chinese(n), s);
        }
    }

    #[test]
    fn reads_a_leading_number_either_way() {
        let read = |s: &str| leading_number(&s.chars().collect::<Vec<_>>());
        assert_eq!(read("五十一条"), Some((51, 3)));
        assert_eq!(read("51条"), Some((51, 2)));
        assert_eq!(read("条"), None);
        assert_eq!(read("0条"), None);
        assert_eq!(read("123456条"), None);
    }
}
