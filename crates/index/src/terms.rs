//! The terms section: an `fst::Map` from each key (UTF-8, sorted by bytes) to the place of its
//! posting list in the postings section, packed by [`crate::postings::pack`].

/// Builds the FST from `(key, value)` pairs, which must be sorted by key bytes and unique.
#[cfg(feature = "write")]
pub fn write(pairs: impl IntoIterator<Item = (String, u64)>) -> Vec<u8> {
    let mut builder = fst::MapBuilder::memory();
    for (key, value) in pairs {
        builder.insert(key, value).expect("keys are inserted sorted and unique");
    }
    builder.into_inner().expect("an in-memory FST always finishes")
}
