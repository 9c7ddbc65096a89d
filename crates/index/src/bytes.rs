//! Primitive encodings shared by every section: LEB128 varints, length-prefixed strings, and
//! record tables (a count, an offset per record, then the records).

/// Appends `v` as an unsigned LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Appends strictly ascending `values` as varints: the first as it is, each next as its
/// distance from the one before, less 1 (read back by [`Reader::ascending`]). Values that
/// cluster (the code points of one script) take a byte or two each.
pub fn put_ascending(out: &mut Vec<u8>, values: impl IntoIterator<Item = u32>) {
    let mut previous = None;
    for v in values {
        put_varint(out, u64::from(previous.map_or(v, |p: u32| v - p - 1)));
        previous = Some(v);
    }
}

/// Appends a length-prefixed UTF-8 string.
pub fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// Appends a list of strings: a varint count, then each string.
pub fn put_strs(out: &mut Vec<u8>, list: &[&str]) {
    put_varint(out, list.len() as u64);
    for s in list {
        put_str(out, s);
    }
}

/// Reads values from a byte slice. Every read is bounds-checked and returns `None` on
/// malformed input instead of panicking: a corrupt index must not kill the widget.
#[derive(Clone, Copy, Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// Starts reading at the beginning of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    /// True when every byte has been read.
    pub fn is_empty(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    /// Reads one varint.
    pub fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.pos)?;
            self.pos += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    /// Reads the value after `previous` (`None`: the first) of a list written by
    /// [`put_ascending`].
    pub fn ascending(&mut self, previous: Option<u32>) -> Option<u32> {
        let distance = self.u32()?;
        match previous {
            None => Some(distance),
            Some(p) => p.checked_add(1)?.checked_add(distance),
        }
    }

    /// Reads one varint that must fit a `u32`.
    pub fn u32(&mut self) -> Option<u32> {
        self.varint().and_then(|v| u32::try_from(v).ok())
    }

    /// The next `len` bytes, borrowed.
    pub fn take(&mut self, len: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(len)?;
        let bytes = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(bytes)
    }

    /// Every byte not read yet, borrowed.
    pub fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.pos..).unwrap_or_default()
    }

    /// Skips `len` bytes.
    pub fn skip(&mut self, len: usize) -> Option<()> {
        self.take(len).map(|_| ())
    }

    /// Reads a list written by [`put_strs`].
    pub fn strs(&mut self) -> Option<Vec<&'a str>> {
        (0..self.u32()?).map(|_| self.str()).collect()
    }

    /// Reads one length-prefixed string, borrowed from the index.
    pub fn str(&mut self) -> Option<&'a str> {
        let len = usize::try_from(self.varint()?).ok()?;
        std::str::from_utf8(self.take(len)?).ok()
    }
}

/// Reads a little-endian `u32` at `at`.
pub fn u32_le(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

/// Writes records as a table: `count: u32`, `count + 1` offsets (`u32`, relative to the end of
/// the offset array), then the record bytes. Record `i` is `offsets[i]..offsets[i + 1]`.
pub fn put_table(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&(records.len() as u32).to_le_bytes());
    let mut offset = 0u32;
    out.extend_from_slice(&offset.to_le_bytes());
    for r in records {
        offset += r.len() as u32;
        out.extend_from_slice(&offset.to_le_bytes());
    }
    for r in records {
        out.extend_from_slice(r);
    }
    out
}

/// A record table borrowed from the index (see [`put_table`]).
#[derive(Clone, Copy, Debug)]
pub struct Table<'a> {
    bytes: &'a [u8],
    len: usize,
}

impl<'a> Table<'a> {
    /// Checks the table's shape: count, monotone offsets within bounds.
    pub fn new(bytes: &'a [u8]) -> Option<Self> {
        let len = u32_le(bytes, 0)? as usize;
        let data = 4 + (len + 1) * 4;
        let mut previous = 0;
        for i in 0..=len {
            let o = u32_le(bytes, 4 + i * 4)? as usize;
            if o < previous || data + o > bytes.len() {
                return None;
            }
            previous = o;
        }
        Some(Table { bytes, len })
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are no records.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Record `i`, or `None` when out of range.
    pub fn get(&self, i: usize) -> Option<&'a [u8]> {
        if i >= self.len {
            return None;
        }
        let data = 4 + (self.len + 1) * 4;
        let from = u32_le(self.bytes, 4 + i * 4)? as usize;
        let to = u32_le(self.bytes, 8 + i * 4)? as usize;
        self.bytes.get(data + from..data + to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let mut b = Vec::new();
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            put_varint(&mut b, v);
        }
        put_str(&mut b, "雙創");
        let mut r = Reader::new(&b);
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(r.varint(), Some(v));
        }
        assert_eq!(r.str(), Some("雙創"));
        assert!(r.is_empty());
        assert_eq!(r.varint(), None);
        let t = put_table(&[b"ab".to_vec(), vec![], b"c".to_vec()]);
        let t = Table::new(&t).unwrap();
        assert_eq!((t.get(0), t.get(1), t.get(2), t.get(3)), (Some(&b"ab"[..]), Some(&b""[..]), Some(&b"c"[..]), None));
    }

    #[test]
    fn rejects_truncated_input() {
        assert_eq!(Reader::new(&[0x80]).varint(), None);
        assert_eq!(Reader::new(&[5, b'a']).str(), None);
        let t = put_table(&[b"abc".to_vec()]);
        assert!(Table::new(&t[..t.len() - 1]).is_none());
        assert!(Table::new(&[1, 0, 0]).is_none());
    }
}
