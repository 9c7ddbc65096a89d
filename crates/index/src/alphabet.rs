//! The alphabet section: every character that occurs in a key, in ascending order, each as
//! the varint of its code point's distance from the previous one (the first's from 0): the
//! Han characters of a corpus cluster, so most take one or two bytes (the seeds' 1 063: 4 252
//! bytes as `u32`s, 1 726 brotli; 1 100 bytes packed, 754 brotli). A character's *code* is its
//! position here, written in one byte for the first
//! 192 (ASCII letters and digits come first) and two or three bytes beyond:
//!
//! ```text
//! code < 0xC0                      [code]
//! code < 0xC0 + 0x3F00             [0xC0 + (code - 0xC0) / 256, (code - 0xC0) % 256]
//! otherwise                        [0xFF, hi, lo] of code - 0xC0 - 0x3F00
//! ```
//!
//! FST keys are spelled in codes rather than UTF-8: a Han character takes two bytes instead of
//! three, which (measured on the seeds) makes the terms FST a third smaller after brotli. The
//! code is prefix-free, so distinct keys stay distinct. Invariant: the code points are strictly
//! ascending (every distance but the first is at least 1), so a lookup is a binary search over
//! the code points, unpacked once when the index opens.

const ONE: usize = 0xC0;
const TWO: usize = ONE + 0x3F00;
/// The most characters an alphabet holds (81 856): three bytes spell 65 536 codes beyond the
/// two-byte range. The indexer refuses a corpus that writes more.
pub const MAX_CHARS: usize = TWO + 0x1_0000;

/// An alphabet section, unpacked.
#[derive(Clone, Debug)]
pub struct Alphabet {
    /// The code points, strictly ascending.
    chars: Vec<u32>,
}

impl Alphabet {
    /// Unpacks a section; `None` unless every distance is a whole varint, the code points
    /// ascend and are characters, and there are at most [`MAX_CHARS`].
    pub fn new(bytes: &[u8]) -> Option<Alphabet> {
        let mut r = crate::bytes::Reader::new(bytes);
        let mut chars: Vec<u32> = Vec::new();
        while !r.is_empty() {
            let next = r.ascending(chars.last().copied())?;
            char::from_u32(next)?;
            chars.push(next);
            if chars.len() > MAX_CHARS {
                return None;
            }
        }
        Some(Alphabet { chars })
    }

    /// Number of characters.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    fn get(&self, i: usize) -> u32 {
        self.chars.get(i).copied().unwrap_or(u32::MAX)
    }

    /// The character with code `code`.
    pub fn char_of(&self, code: usize) -> Option<char> {
        (code < self.len()).then(|| char::from_u32(self.get(code))).flatten()
    }

    /// Every character, in code order.
    pub fn chars(&self) -> impl Iterator<Item = char> + '_ {
        (0..self.len()).filter_map(|i| char::from_u32(self.get(i)))
    }

    /// The code of `c`, or `None` if no key contains it.
    pub fn code(&self, c: char) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.get(mid).cmp(&(c as u32)) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// `key` spelled in codes, or `None` if it has a character no key contains (then no key
    /// can equal it).
    pub fn encode(&self, key: &str) -> Option<Vec<u8>> {
        self.encode_chars(key.chars())
    }

    /// [`Alphabet::encode`] for characters that are not in a string.
    pub fn encode_chars(&self, key: impl IntoIterator<Item = char>) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        for c in key {
            spell(self.code(c)?, &mut out);
        }
        Some(out)
    }

    /// The spelling of one code, or `None` when there is no such code.
    pub fn encode_code(&self, code: usize) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(3);
        (code < self.len()).then(|| spell(code, &mut out))?;
        Some(out)
    }
}

impl Alphabet {
    /// The characters spelled by `codes`, or `None` if they are not whole codes of this
    /// alphabet (the inverse of [`Alphabet::encode`]).
    pub fn decode(&self, codes: &[u8]) -> Option<String> {
        let mut out = String::new();
        let mut i = 0;
        while i < codes.len() {
            let (code, width) = self.read(codes, i)?;
            out.push(char::from_u32(self.get(code))?);
            i += width;
        }
        Some(out)
    }

    /// The code `codes` spells when it spells exactly one code of this alphabet.
    pub fn single(&self, codes: &[u8]) -> Option<usize> {
        self.read(codes, 0).filter(|&(_, width)| width == codes.len()).map(|(code, _)| code)
    }

    /// The code starting at `codes[i]` and its width in bytes, when it is one of this alphabet.
    fn read(&self, codes: &[u8], i: usize) -> Option<(usize, usize)> {
        let b = *codes.get(i)? as usize;
        let (code, width) = if b < ONE {
            (b, 1)
        } else if b < 0xFF {
            (ONE + (b - ONE) * 256 + *codes.get(i + 1)? as usize, 2)
        } else {
            (TWO + ((*codes.get(i + 1)? as usize) << 8) + *codes.get(i + 2)? as usize, 3)
        };
        (code < self.len()).then_some((code, width))
    }
}

/// Appends the bytes of `code`.
fn spell(code: usize, out: &mut Vec<u8>) {
    if code < ONE {
        out.push(code as u8);
    } else if code < TWO {
        out.extend([(ONE + (code - ONE) / 256) as u8, ((code - ONE) % 256) as u8]);
    } else {
        out.extend([0xFF, ((code - TWO) >> 8) as u8, (code - TWO) as u8]);
    }
}

/// Writes the alphabet of `keys`.
#[cfg(feature = "write")]
pub fn write<'k>(keys: impl IntoIterator<Item = &'k str>) -> Vec<u8> {
    let chars: std::collections::BTreeSet<char> = keys.into_iter().flat_map(str::chars).collect();
    let mut out = Vec::new();
    crate::bytes::put_ascending(&mut out, chars.into_iter().map(u32::from));
    out
}

#[cfg(all(test, feature = "write"))]
mod tests {
    use super::*;

    #[test]
    fn codes_are_prefix_free_and_round_trip_order_of_distinct_keys() {
        // Enough characters to reach the three-byte form.
        let chars: Vec<char> = (0x4E00u32..0x4E00 + 0x4100).filter_map(char::from_u32).chain(['a', '1']).collect();
        let text: String = chars.iter().collect();
        let bytes = write([text.as_str()]);
        let alphabet = Alphabet::new(&bytes).unwrap();
        assert_eq!(
            alphabet.encode("a1"),
            Some(vec![alphabet.code('a').unwrap() as u8, alphabet.code('1').unwrap() as u8])
        );
        let mut seen = std::collections::HashSet::new();
        for pair in chars.windows(2).step_by(7) {
            let key: String = pair.iter().collect();
            assert!(seen.insert(alphabet.encode(&key).unwrap()), "{key}");
        }
        assert_eq!(alphabet.encode(&chars[chars.len() - 3].to_string()).unwrap().len(), 3);
        assert_eq!(alphabet.encode("Z"), None);
        let last: String = chars[chars.len() - 5..].iter().collect();
        assert_eq!(alphabet.decode(&alphabet.encode(&last).unwrap()).as_deref(), Some(last.as_str()));
        assert_eq!(alphabet.decode(&[0xC0]), None, "a cut code");
    }

    #[test]
    fn packs_distances_and_refuses_a_cut_varint_or_a_non_character() {
        let bytes = write(["中文ab"]);
        assert_eq!(bytes.len(), 1 + 1 + 3 + 2, "a, b (1 from a: 0), 中 (3 bytes), 文 (2 bytes)");
        let alphabet = Alphabet::new(&bytes).unwrap();
        assert_eq!(alphabet.chars().collect::<String>(), "ab中文");
        assert!(Alphabet::new(&bytes[..bytes.len() - 1]).is_none(), "a cut varint");
        assert!(Alphabet::new(&[0x80, 0xB0, 0x03]).is_none(), "U+D800 is no character");
    }
}
