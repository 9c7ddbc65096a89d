//! Attachments: the label that opens one (`附件`, `附件2：名称`, `附表`, `附录`, `附：`), its
//! title, and its table rows read as `列名：值` pairs under the table's header. The footer
//! stage asks the same question, so that an attachment after the body stays body.

/// `附件`, `附件：`, `附件1`, `附件 2：名称`, `附件一`, `附表`, `附录`, `附：`: an attachment's label.
pub fn is_attachment(text: &str) -> bool {
    attachment_rest(text).is_some_and(|rest| attachment_title(rest).chars().count() <= 40 && !rest.contains('。'))
}

/// What follows an attachment's label word.
pub(super) fn attachment_rest(text: &str) -> Option<&str> {
    ["附件", "附表", "附录", "附：", "附:"].iter().find_map(|p| text.strip_prefix(p))
}

/// What follows `附件`, its number and colon gone: `2：名称` → `名称`, `一` → ``.
pub(super) fn attachment_title(rest: &str) -> &str {
    rest.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十 :：".contains(c))
}

/// `领域：云计算和大数据；项目名称：…`, the row's serial number left to the clause id.
pub(super) fn row_text(header: &[String], cells: &[String]) -> String {
    let n = header.len();
    let mut cells: Vec<String> = cells.to_vec();
    if cells.len() > n {
        let tail = cells.split_off(n - 1).join(" ");
        cells.push(tail);
    }
    header.iter().zip(&cells).skip(1).map(|(h, c)| format!("{h}：{c}")).collect::<Vec<_>>().join("；")
}
