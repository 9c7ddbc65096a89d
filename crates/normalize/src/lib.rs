//! The one normalization of policy-search.
//!
//! Build and query fold text with [`fold`], the same function compiled into both, so the index
//! and a query can never disagree about what a character means. Folding is **per character**:
//! the folded text has exactly as many characters as the display text, so a match found in
//! folded text is a highlight in display text at the same character offsets.
//!
//! What folds:
//! - ASCII upper case to lower case, and `[` `]` to the 文号 brackets `〔` `〕` (in code);
//! - everything else through a [`FoldTable`]: NFKC width folding (full-width ASCII, the
//!   ideographic space, compatibility ideographs), Traditional → Simplified by character
//!   (every candidate of OpenCC's TSCharacters, as classes, with the regional variants of
//!   TWVariants/HKVariants: 著/着), and the bracket variants `［］【】` → `〔〕`.
//!
//! The table exists in two sizes. At build time [`FoldTable::full`] (feature `build`) derives it
//! from Unicode and OpenCC data. The index then stores only the entries whose *target* occurs in
//! the corpus ([`FoldTable::restrict_to`]), or is a character of a question frame
//! ([`QUESTION_FRAMES`]): a query character outside that subset folds to itself, and since
//! every folded corpus character is a fixed point of the fold, it cannot match anyway.
//!
//! Invariant (tested): the fold is idempotent, `fold_char(fold_char(c)) == fold_char(c)`.
//!
//! Beside the fold, the one other text convention both sides must read alike: the 文号 grammar
//! ([`docnumber`]), which the build uses to find and repair a page's 文号 and the query to read a
//! typed one.

#![forbid(unsafe_code)]

pub mod docnumber;
pub mod doctype;
#[cfg(feature = "build")]
mod full;
pub mod numerals;

/// The question frames (`data/question-frames.txt`): the query side strips them
/// (`query/natural/question.rs`), and the index keeps the fold entries onto their characters
/// even where the corpus lacks them, so that a Traditional question (怎麼辦) folds onto them.
pub const QUESTION_FRAMES: &str = include_str!("../data/question-frames.txt");

/// The characters of the question frames' literal parts.
pub fn frame_chars() -> impl Iterator<Item = char> {
    QUESTION_FRAMES
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::chars)
        .filter(|&c| c != '…' && !c.is_whitespace())
}

/// The bracket variants that 文号 are written with, and the one pair they fold to.
pub const BRACKETS: [(char, char); 6] =
    [('［', '〔'), ('］', '〕'), ('【', '〔'), ('】', '〕'), ('[', '〔'), (']', '〕')];

/// A character-to-character fold table for non-ASCII characters.
///
/// Stored as entries sorted by source character, each 8 bytes: source `u32` LE, target `u32` LE.
/// The index's fold section stores the entries packed (`policy_search_index::fold`); a reader
/// unpacks them into this layout once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoldTable<B = Vec<u8>> {
    bytes: B,
}

/// Size of one table entry in bytes.
pub const ENTRY_BYTES: usize = 8;

impl<B: AsRef<[u8]>> FoldTable<B> {
    /// Wraps table bytes; fails if they are not whole, sorted, non-ASCII entries.
    pub fn from_bytes(bytes: B) -> Result<Self, &'static str> {
        let raw = bytes.as_ref();
        if raw.len() % ENTRY_BYTES != 0 {
            return Err("fold table length is not a multiple of 8");
        }
        let table = FoldTable { bytes };
        let mut previous = None;
        for (from, to) in table.entries() {
            if from < 0x80 || char::from_u32(from).is_none() || char::from_u32(to).is_none() {
                return Err("fold table holds an ASCII or invalid character");
            }
            if previous.is_some_and(|p| p >= from) {
                return Err("fold table is not sorted by source character");
            }
            previous = Some(from);
        }
        Ok(table)
    }

    /// The raw bytes, as written into the index.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.as_ref()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.bytes.as_ref().len() / ENTRY_BYTES
    }

    /// True when the table folds nothing beyond ASCII.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entries as `(source, target)` code points, in source order.
    pub fn entries(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.bytes.as_ref().chunks_exact(ENTRY_BYTES).map(|e| (u32_at(e, 0), u32_at(e, 4)))
    }

    /// The target of `c`, if the table folds it.
    pub fn get(&self, c: char) -> Option<char> {
        let raw = self.bytes.as_ref();
        let key = c as u32;
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let from = u32_at(raw, mid * ENTRY_BYTES);
            match from.cmp(&key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                // Entries were validated in `from_bytes`/built from chars.
                std::cmp::Ordering::Equal => {
                    return char::from_u32(u32_at(raw, mid * ENTRY_BYTES + 4));
                }
            }
        }
        None
    }

    /// The sub-table whose targets satisfy `keep` (at build time: "occurs in the corpus").
    pub fn restrict_to(&self, mut keep: impl FnMut(char) -> bool) -> FoldTable {
        let mut bytes = Vec::new();
        for (from, to) in self.entries() {
            if char::from_u32(to).is_some_and(&mut keep) {
                bytes.extend_from_slice(&from.to_le_bytes());
                bytes.extend_from_slice(&to.to_le_bytes());
            }
        }
        FoldTable { bytes }
    }
}

impl FoldTable {
    /// Builds a table from `(source, target)` pairs; identity and ASCII sources are skipped.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (char, char)>) -> FoldTable {
        let mut pairs: Vec<(char, char)> =
            pairs.into_iter().filter(|&(from, to)| from != to && !from.is_ascii()).collect();
        pairs.sort_unstable();
        pairs.dedup_by_key(|p| p.0);
        let mut bytes = Vec::with_capacity(pairs.len() * ENTRY_BYTES);
        for (from, to) in pairs {
            bytes.extend_from_slice(&(from as u32).to_le_bytes());
            bytes.extend_from_slice(&(to as u32).to_le_bytes());
        }
        FoldTable { bytes }
    }
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// Folds one character. ASCII is handled in code; everything else through `table`.
#[inline]
pub fn fold_char<B: AsRef<[u8]>>(c: char, table: &FoldTable<B>) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '[' => '〔',
        ']' => '〕',
        _ if c.is_ascii() => c,
        _ => table.get(c).unwrap_or(c),
    }
}

/// Folds `text` character by character: the result has exactly as many `char`s as `text`.
pub fn fold<B: AsRef<[u8]>>(text: &str, table: &FoldTable<B>) -> String {
    text.chars().map(|c| fold_char(c, table)).collect()
}

/// True for characters that carry no text and are removed from corpus and query alike:
/// zero-width space, non-joiner and joiner, word joiner, BOM, soft hyphen, the bidi marks,
/// embeddings, overrides and isolates, and the invisible operators. Removing is the cleaner's
/// and the query parser's job (the fold keeps one character per character).
pub fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x061C | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF)
}

/// `text` without the characters of [`is_invisible`].
pub fn strip_invisible(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(is_invisible) {
        text.chars().filter(|&c| !is_invisible(c)).collect::<String>().into()
    } else {
        text.into()
    }
}

/// The pinyin letter a tone-marked or umlauted vowel is written as when typed without marks
/// (`ā` → `a`, `ü`/`ǘ` → `v`, the keyboard spelling), or `None` for any other character. Shared
/// by the build (reading the phrase data) and the query (`shuāngchuàng`), so both spell pinyin
/// the same way. Upper case is folded first by [`fold_char`]; the marked capitals are here too.
pub fn toneless(c: char) -> Option<char> {
    Some(match c {
        'ā' | 'á' | 'ǎ' | 'à' | 'Ā' | 'Á' | 'Ǎ' | 'À' => 'a',
        'ē' | 'é' | 'ě' | 'è' | 'ê' | 'Ē' | 'É' | 'Ě' | 'È' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' | 'Ī' | 'Í' | 'Ǐ' | 'Ì' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' | 'Ō' | 'Ó' | 'Ǒ' | 'Ò' => 'o',
        'ū' | 'ú' | 'ǔ' | 'ù' | 'Ū' | 'Ú' | 'Ǔ' | 'Ù' => 'u',
        'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'Ü' | 'Ǖ' | 'Ǘ' | 'Ǚ' | 'Ǜ' => 'v',
        'ń' | 'ň' | 'ǹ' | 'Ń' | 'Ň' | 'Ǹ' => 'n',
        'ḿ' | 'Ḿ' => 'm',
        _ => return None,
    })
}

/// True for Han ideographs (and 〇), the characters the index keys as unigrams and bigrams.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> FoldTable {
        FoldTable::from_pairs([('雙', '双'), ('創', '创'), ('Ｉ', 'i'), ('【', '〔'), ('\u{3000}', ' ')])
    }

    #[test]
    fn toneless_spells_pinyin_as_typed() {
        let spelled: String = "shuāngchuàng lǚyóu".chars().map(|c| toneless(c).unwrap_or(c)).collect();
        assert_eq!(spelled, "shuangchuang lvyou");
        assert_eq!(toneless('a'), None);
    }

    #[test]
    fn folds_ascii_case_and_brackets_in_code() {
        assert_eq!(fold("IPO [2019]", &FoldTable::from_pairs([])), "ipo 〔2019〕");
    }

    #[test]
    fn folds_through_the_table_and_keeps_length() {
        let text = "雙創　Ｉ【";
        let folded = fold(text, &table());
        assert_eq!(folded, "双创 i〔");
        assert_eq!(folded.chars().count(), text.chars().count());
    }

    #[test]
    fn invisible_characters_are_stripped() {
        assert_eq!(strip_invisible("众\u{200B}创\u{2060}空\u{FEFF}间\u{00AD}\u{202E}\u{2066}"), "众创空间");
        assert_eq!(strip_invisible("众创"), "众创");
        assert!(!is_invisible(' ') && !is_invisible('众'));
    }

    #[test]
    fn unknown_characters_fold_to_themselves() {
        assert_eq!(fold("😀双", &table()), "😀双");
    }

    #[test]
    fn round_trips_through_bytes_and_restricts_by_target() {
        let t = table();
        let again = FoldTable::from_bytes(t.as_bytes().to_vec()).unwrap();
        assert_eq!(again, t);
        let small = t.restrict_to(|c| c == '双');
        assert_eq!(small.len(), 1);
        assert_eq!(small.get('雙'), Some('双'));
        assert_eq!(small.get('創'), None);
    }

    #[test]
    fn rejects_malformed_tables() {
        assert!(FoldTable::from_bytes(vec![0u8; 7]).is_err());
        let mut unsorted = Vec::new();
        for (a, b) in [(0x96d9u32, 0x53ccu32), (0x5275, 0x521b)] {
            unsorted.extend_from_slice(&a.to_le_bytes());
            unsorted.extend_from_slice(&b.to_le_bytes());
        }
        assert!(FoldTable::from_bytes(unsorted).is_err());
        assert!(
            FoldTable::from_bytes([0x41u32, 0x61].iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<_>>()).is_err()
        );
    }
}
