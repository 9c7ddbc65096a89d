//! The typed section (lexicon): the most common reading of common characters the corpus does
//! not contain (GB 2312 level 1), so that a slip to such a character (孵化气 for 孵化器) can
//! still be read and corrected. Entries of 6 bytes sorted by character: code point `u32`, then
//! the syllable number `u16` in the readings section's syllable table.

/// Size of one entry in bytes.
const ENTRY: usize = 6;

/// The typed section, borrowed.
#[derive(Clone, Copy, Debug)]
pub struct Typed<'a> {
    bytes: &'a [u8],
}

impl<'a> Typed<'a> {
    /// Checks the shape (whole entries, ascending characters).
    pub fn new(bytes: &'a [u8]) -> Option<Typed<'a>> {
        let typed = Typed { bytes };
        let n = bytes.len() / ENTRY;
        (bytes.len().is_multiple_of(ENTRY) && (1..n).all(|i| typed.char_at(i - 1) < typed.char_at(i))).then_some(typed)
    }

    fn char_at(&self, i: usize) -> u32 {
        crate::bytes::u32_le(self.bytes, i * ENTRY).unwrap_or(u32::MAX)
    }

    /// The syllable number of `c`'s most common reading, if `c` is listed.
    pub fn reading(&self, c: char) -> Option<u32> {
        let (mut lo, mut hi) = (0, self.bytes.len() / ENTRY);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.char_at(mid).cmp(&(c as u32)) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let at = mid * ENTRY + 4;
                    return Some(u32::from(u16::from_le_bytes([self.bytes[at], self.bytes[at + 1]])));
                }
            }
        }
        None
    }
}

/// Writes the section from `(character, syllable number)` pairs sorted by character.
#[cfg(feature = "write")]
pub fn write(entries: &[(char, u32)]) -> Vec<u8> {
    entries.iter().flat_map(|&(c, s)| (c as u32).to_le_bytes().into_iter().chain((s as u16).to_le_bytes())).collect()
}

#[cfg(all(test, feature = "write"))]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let bytes = write(&[('器', 7), ('气', 3)]);
        let t = Typed::new(&bytes).unwrap();
        assert_eq!((t.reading('气'), t.reading('器'), t.reading('空')), (Some(3), Some(7), None));
        assert!(Typed::new(&bytes[1..]).is_none());
    }
}
