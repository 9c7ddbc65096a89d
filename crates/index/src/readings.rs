//! The readings section: toneless pinyin of every alphabet character, for homophone
//! correction (空见 → 空间, both `kong jian`).
//!
//! ```text
//! syllables: table of str            every toneless syllable used, `ü` written `v`
//! per alphabet code, in code order:  count: varint, then syllable numbers (varint)
//! ```
//!
//! Characters without a reading (Latin, digits) have count 0.

use crate::bytes::{Reader, Table};

/// The readings section, borrowed.
#[derive(Clone, Copy, Debug)]
pub struct Readings<'a> {
    syllables: Table<'a>,
    per_code: &'a [u8],
    /// Byte offset of every 64th code's entry, for lookup in place.
    samples: &'a [u8],
}

/// Codes per sample.
const SAMPLE: usize = 64;

impl<'a> Readings<'a> {
    /// Checks the shape.
    pub fn new(bytes: &'a [u8]) -> Option<Readings<'a>> {
        let table_len = crate::bytes::u32_le(bytes, 0)? as usize;
        let syllables = Table::new(bytes)?;
        // The table's end: its last offset, past the offset array.
        let data = 4 + (table_len + 1) * 4;
        let end = data + crate::bytes::u32_le(bytes, 4 + table_len * 4)? as usize;
        let samples_len = crate::bytes::u32_le(bytes, end)? as usize;
        let samples = bytes.get(end + 4..end + 4 + samples_len * 4)?;
        let per_code = bytes.get(end + 4 + samples_len * 4..)?;
        Some(Readings { syllables, per_code, samples })
    }

    /// Syllable number `i`.
    pub fn syllable(&self, i: u32) -> Option<&'a str> {
        Reader::new(self.syllables.get(i as usize)?).str()
    }

    /// Number of syllables.
    pub fn syllable_count(&self) -> usize {
        self.syllables.len()
    }

    /// The syllable numbers of the character with alphabet code `code`.
    pub fn of_code(&self, code: usize) -> Vec<u32> {
        let Some(start) = crate::bytes::u32_le(self.samples, code / SAMPLE * 4) else { return Vec::new() };
        let mut r = Reader::new(self.per_code.get(start as usize..).unwrap_or_default());
        for _ in 0..code % SAMPLE {
            let Some(n) = r.varint() else { return Vec::new() };
            for _ in 0..n {
                r.varint();
            }
        }
        let n = r.varint().unwrap_or(0);
        (0..n).map_while(|_| r.varint().map(|v| v as u32)).collect()
    }
}

/// Writes the section: `per_code[i]` lists the syllables of alphabet code `i`.
#[cfg(feature = "write")]
pub fn write(syllables: &[String], per_code: &[Vec<u32>]) -> Vec<u8> {
    use crate::bytes::{put_str, put_table, put_varint};
    let records: Vec<Vec<u8>> = syllables
        .iter()
        .map(|s| {
            let mut r = Vec::new();
            put_str(&mut r, s);
            r
        })
        .collect();
    let mut out = put_table(&records);
    let mut body = Vec::new();
    let mut samples = Vec::new();
    for (code, list) in per_code.iter().enumerate() {
        if code % SAMPLE == 0 {
            samples.push(body.len() as u32);
        }
        put_varint(&mut body, list.len() as u64);
        for &s in list {
            put_varint(&mut body, u64::from(s));
        }
    }
    out.extend((samples.len() as u32).to_le_bytes());
    out.extend(samples.iter().flat_map(|s| s.to_le_bytes()));
    out.extend(body);
    out
}

#[cfg(all(test, feature = "write"))]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let per_code: Vec<Vec<u32>> = (0..200).map(|i| (0..i % 3).map(|j| (i + j) % 2).collect()).collect();
        let bytes = write(&["kong".into(), "jian".into()], &per_code);
        let r = Readings::new(&bytes).unwrap();
        assert_eq!((r.syllable(0), r.syllable(1), r.syllable(2)), (Some("kong"), Some("jian"), None));
        for (code, want) in per_code.iter().enumerate() {
            assert_eq!(&r.of_code(code), want, "code {code}");
        }
        assert!(r.of_code(999).is_empty());
    }
}
