//! The header: magic, format version, section table and checksum.
//!
//! ```text
//! 0   "PSIX"                     magic
//! 4   u32 LE  version            FORMAT_VERSION
//! 8   u32 LE  section count      SECTIONS.len()
//! 12  (u32 LE offset, u32 LE length) per section, offsets from the start of the blob
//! ..  u64 LE  checksum           FNV-1a 64 of every byte after the header
//! ```

use crate::FormatError;

/// Magic bytes at the start of every index.
pub const MAGIC: &[u8; 4] = b"PSIX";
/// Bumped whenever any section's layout changes.
pub const FORMAT_VERSION: u32 = 3;
/// Section names in their on-disk order.
pub const SECTIONS: [&str; 10] =
    ["fold", "alphabet", "terms", "postings", "headings", "clauses", "docs", "vocab", "synonyms", "readings"];

/// Size of the header in bytes.
pub const HEADER_LEN: usize = 12 + SECTIONS.len() * 8 + 8;

/// FNV-1a, 64 bit: small, dependency-free, and enough to catch truncation and corruption.
pub fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Writes the header and the sections into one blob.
#[cfg(feature = "write")]
pub fn write(sections: &[Vec<u8>; SECTIONS.len()]) -> Vec<u8> {
    let body: Vec<u8> = sections.concat();
    let mut out = Vec::with_capacity(HEADER_LEN + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(SECTIONS.len() as u32).to_le_bytes());
    let mut offset = HEADER_LEN as u32;
    for s in sections {
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        offset += s.len() as u32;
    }
    out.extend_from_slice(&checksum(&body).to_le_bytes());
    out.extend_from_slice(&body);
    out
}

/// Checks the header and checksum; returns each section's byte slice.
pub fn read(bytes: &[u8]) -> Result<[&[u8]; SECTIONS.len()], FormatError> {
    if bytes.len() < HEADER_LEN || &bytes[..4] != MAGIC {
        return Err(FormatError::NotAnIndex);
    }
    let u32_at = |at: usize| crate::bytes::u32_le(bytes, at).unwrap_or(0);
    let version = u32_at(4);
    if version != FORMAT_VERSION {
        return Err(FormatError::Version(version));
    }
    if u32_at(8) as usize != SECTIONS.len() {
        return Err(FormatError::Corrupt("section count"));
    }
    let stored = u64::from_le_bytes(bytes[HEADER_LEN - 8..HEADER_LEN].try_into().map_err(|_| FormatError::NotAnIndex)?);
    if stored != checksum(&bytes[HEADER_LEN..]) {
        return Err(FormatError::Checksum);
    }
    let mut out = [&bytes[..0]; SECTIONS.len()];
    for (i, slot) in out.iter_mut().enumerate() {
        let (offset, len) = (u32_at(12 + i * 8) as usize, u32_at(16 + i * 8) as usize);
        *slot = bytes.get(offset..offset + len).ok_or(FormatError::Corrupt(SECTIONS[i]))?;
    }
    Ok(out)
}
