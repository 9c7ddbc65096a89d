//! The terms section: an `fst::Map` from each key, spelled in alphabet codes
//! ([`crate::alphabet`]), to its ordinal: the number of its posting list in
//! [`crate::postings`]. Ordinals ascend with the (encoded) keys, so the FST's outputs are
//! nearly free, which halves its size against storing byte offsets (measured on the seeds).

/// Builds the FST from encoded keys, which must be sorted by bytes and unique; key `i` gets
/// ordinal `i`.
#[cfg(feature = "write")]
pub fn write(keys: impl IntoIterator<Item = Vec<u8>>) -> Vec<u8> {
    let mut builder = fst::MapBuilder::memory();
    for (ordinal, key) in keys.into_iter().enumerate() {
        builder.insert(key, ordinal as u64).expect("keys are inserted sorted and unique");
    }
    builder.into_inner().expect("an in-memory FST always finishes")
}
