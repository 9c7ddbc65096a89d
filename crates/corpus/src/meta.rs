//! Document metadata read from the page itself: issuers and dates from the signature block, the
//! title and the page's metadata bar; effective dates from the closing provisions. (The 文号 is
//! read by the grammar the query shares, `policy_search_normalize::docnumber`.)

use crate::date::{find_date, Date};

/// Names of issuing bodies end with one of these.
const ORG_SUFFIXES: &[&str] =
    &["人民政府", "政府", "委员会", "管委会", "办公室", "办公厅", "局", "厅", "院", "中心", "部"];

/// True when a (folded, compact) line is an organisation's name alone.
pub fn is_org_line(probe: &str) -> bool {
    let n = probe.chars().count();
    (4..=30).contains(&n)
        && !probe.contains(['。', '，', '、', ',', ':', '：', '；'])
        && ORG_SUFFIXES.iter().any(|s| probe.ends_with(s))
}

/// The date when a (folded, compact) line is a date and nothing else.
pub fn date_only(probe: &str) -> Option<Date> {
    let (date, range) = find_date(probe)?;
    (range.start == 0 && range.end == probe.len()).then_some(date)
}

/// Addressee line (主送): `各区、县(市)人民政府,市政府各部门、各直属单位:`.
pub fn is_addressee(probe: &str) -> bool {
    probe.ends_with([':', '：'])
        && probe.contains(['、', ',', '，'])
        && !probe.contains('。')
        && probe.chars().count() <= 80
}

/// The title's issuing body: `杭州市人民政府关于…` → `杭州市人民政府`.
pub fn issuer_from_title(title_probe: &str, title: &str) -> Option<String> {
    let cut = title_probe.find("关于")?;
    let prefix = &title_probe[..cut];
    let n = prefix.chars().count();
    (n >= 4 && ORG_SUFFIXES.iter().any(|s| prefix.ends_with(s))).then(|| title.chars().take(n).collect())
}

/// The host of the first web address in a line: `网址:http://51kjxm.com` → `51kjxm.com`.
pub fn find_site(probe: &str) -> Option<String> {
    let start = ["http://", "https://", "www."]
        .iter()
        .find_map(|p| probe.find(p).map(|i| i + if p.starts_with("www") { 0 } else { p.len() }))?;
    let host: String = probe[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || ".-".contains(*c)).collect();
    host.contains('.').then_some(host)
}

/// The labels of a subject category (主题分类), in either script: the 信息索引 table's cell or a
/// page-data line's.
pub const TOPIC_LABELS: &[&str] = &["主题分类", "主題分類"];

/// The value after one of `labels` in a page-data line, up to the next space:
/// `索 引 号 … 主题分类 其他 浏览次数 720` → `其他`; `主题分类：城乡建设` → `城乡建设`. The label
/// may be spaced out (`主 题 分 类`), as such lines space their labels to align them.
pub fn labelled(line: &str, labels: &[&str]) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    for start in 0..words.len() {
        let mut label = String::new();
        for (i, word) in words[start..].iter().enumerate() {
            let word = word.trim_start_matches(['：', ':']);
            // `主题分类：其他` is one word; `主题分类：` leaves the value to the next.
            let (head, tail) = word.split_once(['：', ':']).unwrap_or((word, ""));
            label.push_str(head);
            if labels.contains(&label.as_str()) {
                let value =
                    if tail.is_empty() { words.get(start + i + 1)?.trim_start_matches(['：', ':']) } else { tail };
                return (!value.is_empty()).then(|| value.to_string());
            }
            if !labels.iter().any(|l| l.starts_with(label.as_str())) || !tail.is_empty() {
                break;
            }
        }
    }
    None
}

/// The date a clause says the document takes effect: `自2024年11月25日施行`, `自…起施行`.
/// `自印发之日起施行` yields `Some(None)`: effective on publication.
pub fn find_effective(folded_text: &str) -> Option<Option<Date>> {
    for (at, _) in folded_text.match_indices('自') {
        let window: String = folded_text[at..].chars().take(24).collect();
        if !(window.contains("施行") || window.contains("实施") || window.contains("执行")) {
            continue;
        }
        if window.contains("印发之日") || window.contains("发布之日") {
            return Some(None);
        }
        if let Some((date, range)) = find_date(&window) {
            if range.start == '自'.len_utf8() {
                return Some(Some(date));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_signature_and_addressee_lines() {
        assert!(is_org_line("杭州市人民政府"));
        assert!(is_org_line("杭州高新技术产业开发区管理委员会"));
        assert!(!is_org_line("加强组织领导,落实责任局"));
        assert_eq!(date_only("2018730").map(|d| d.to_string()).as_deref(), Some("2018-07-30"));
        assert_eq!(date_only("到2022年,全社会"), None);
        assert!(is_addressee("各街道办事处,区级机关各部门、各直属单位:"));
        assert!(!is_addressee("客户服务热线:"));
    }

    #[test]
    fn reads_a_labelled_value_of_a_page_data_line() {
        let topic = |line: &str| labelled(line, &["主题分类"]);
        assert_eq!(topic("主题分类 其他 浏览次数 720").as_deref(), Some("其他"));
        assert_eq!(
            topic("索 引 号 123 主 题 分 类 城乡建设、环境保护 发布部门 市政府").as_deref(),
            Some("城乡建设、环境保护")
        );
        assert_eq!(topic("主题分类：科技 发布日期：2019-01-01").as_deref(), Some("科技"));
        assert_eq!(topic("主题分类: 科技").as_deref(), Some("科技"));
        assert_eq!(topic("主题分类").as_deref(), None);
        assert_eq!(topic("发布部门 市政府办公室").as_deref(), None);
    }

    #[test]
    fn reads_effective_dates_and_sites() {
        assert_eq!(find_effective("本意见自2024年11月25日施行。").unwrap().unwrap().to_string(), "2024-11-25");
        assert_eq!(
            find_effective("本实施意见自2019年106日起施行,由市发改委负责").unwrap().unwrap().to_string(),
            "2019-10-06"
        );
        assert_eq!(find_effective("本办法自印发之日起施行。"), Some(None));
        assert_eq!(find_effective("自主创新能力"), None);
        assert_eq!(find_site("网址:http://51kjxm.com").as_deref(), Some("51kjxm.com"));
        assert_eq!(
            issuer_from_title("杭州市人民政府关于推动", "杭州市人民政府關于推動").as_deref(),
            Some("杭州市人民政府")
        );
    }
}
