//! Decoding a file's bytes: UTF-8 first; GBK, GB18030 or Big5 when an HTML page declares it;
//! GB18030 (of which GBK and GB2312 are subsets) when UTF-8 fails. Never a lossy decode: bytes
//! that decode cleanly in no encoding are an error.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// Why a file's bytes are not text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undecodable {
    /// The encodings tried, e.g. `UTF-8 or GB18030`.
    pub tried: String,
    /// Byte offset of the first byte that is not UTF-8.
    pub offset: usize,
}

/// Decoded text and, when the encoding was guessed (not UTF-8, not declared), its name.
pub type Decoded = (String, Option<&'static str>);

/// A text file: UTF-8 (a BOM allowed), else GB18030.
pub fn text(bytes: &[u8]) -> Result<Decoded, Undecodable> {
    let (text, encoding) = decode(bytes, None)?;
    Ok((text, (encoding != UTF_8).then_some(encoding.name())))
}

/// An HTML page: UTF-8, else the encoding it declares (a BOM, `<meta charset>`, or
/// `http-equiv` `content-type`), else GB18030.
pub fn html(bytes: &[u8]) -> Result<Decoded, Undecodable> {
    let declared = Encoding::for_bom(bytes).map(|(e, _)| e).or_else(|| declared_charset(bytes));
    let (text, encoding) = decode(bytes, declared)?;
    Ok((text, (encoding != UTF_8 && Some(encoding) != declared).then_some(encoding.name())))
}

/// Valid UTF-8 is UTF-8 whatever the page declares: a page that says gb2312 wrongly (a template
/// leftover) reads right, and GBK bytes are practically never valid UTF-8. Then the declared
/// encoding, then GB18030 (the mainland's superset of GBK and GB2312).
fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<(String, &'static Encoding), Undecodable> {
    let mut tried = Vec::new();
    for encoding in [UTF_8].into_iter().chain(declared).chain([GB18030]) {
        if tried.contains(&encoding.name()) {
            continue;
        }
        tried.push(encoding.name());
        let (_, bom) = Encoding::for_bom(bytes).filter(|(e, _)| *e == encoding).unwrap_or((encoding, 0));
        if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(&bytes[bom..]) {
            return Ok((text.into_owned(), encoding));
        }
    }
    let offset = std::str::from_utf8(bytes).err().map_or(0, |e| e.valid_up_to());
    Err(Undecodable { tried: tried.join(" or "), offset })
}

/// The `charset=` a page's head declares (`<meta charset="gbk">`, `content="text/html;
/// charset=gb2312"`), looked for in its first 2 KiB as HTML's own pre-scan does.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head: String = bytes.iter().take(2048).map(|&b| (b as char).to_ascii_lowercase()).collect();
    head.match_indices("charset").find_map(|(at, _)| {
        let rest = head[at + "charset".len()..].trim_start().strip_prefix('=')?;
        let label: String = rest
            .trim_start_matches([' ', '"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || "-_".contains(*c))
            .collect();
        Encoding::for_label(label.as_bytes())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_a_page_declares_and_falls_back_to_gb18030() {
        let (gbk, _, _) = encoding_rs::GBK.encode("第一条 为了规范管理，制定本办法。");
        assert_eq!(text("政策".as_bytes()), Ok(("政策".to_string(), None)));
        assert_eq!(text(&gbk).unwrap(), ("第一条 为了规范管理，制定本办法。".to_string(), Some("gb18030")));
        let page = [b"<html><head><meta charset=\"GBK\"></head><body>".as_slice(), &gbk].concat();
        assert!(html(&page).unwrap().0.ends_with("制定本办法。"));
        assert_eq!(html(&page).unwrap().1, None, "declared, not guessed");
        let page =
            [b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">".as_slice(), &gbk].concat();
        assert!(html(&page).unwrap().0.ends_with("制定本办法。"), "gb2312 is read as GBK, its superset");
        assert_eq!(html(&gbk).unwrap().1, Some("gb18030"), "undeclared: guessed");
        let (big5, _, _) = encoding_rs::BIG5.encode("第一條 為了規範管理");
        let page = [b"<meta charset='big5'>".as_slice(), &big5].concat();
        assert!(html(&page).unwrap().0.ends_with("第一條 為了規範管理"));
        let utf8_says_gbk = "<meta charset=\"gb2312\">政策".as_bytes();
        assert_eq!(html(utf8_says_gbk).unwrap().0, "<meta charset=\"gb2312\">政策");
    }

    #[test]
    fn bytes_no_encoding_reads_are_refused() {
        assert_eq!(text(&[0x41, 0xff, 0xfe]), Err(Undecodable { tried: "UTF-8 or gb18030".into(), offset: 1 }));
        let e = html(b"<meta charset=\"big5\">\xff\xff").unwrap_err();
        assert_eq!(e.tried, "UTF-8 or Big5 or gb18030");
    }
}
