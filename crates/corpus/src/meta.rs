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
