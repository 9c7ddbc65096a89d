//! Line rules: whole lines of spam and site chrome that are never policy text.
//!
//! Each rule is a named predicate over a line's *probe*: the line folded to Simplified, lower
//! case and half width, with its whitespace removed. Rules are written once in Simplified and
//! apply to Traditional pages too. None is keyed to a particular site or file. They say what a
//! line looks like, not where it is: the pipeline applies them only outside a document's body
//! (its leading and trailing lines), except the label rules ([`Rule::is_label`]).

use crate::Rule;

/// A chrome rule: the line it names, and the predicate that recognises such a line.
pub struct LineRule {
    /// The rule reported when it removes a line.
    pub rule: Rule,
    /// True when the probe is such a line.
    pub matches: fn(&str) -> bool,
}

/// Every spam and chrome rule, in the order they are tried.
pub const RULES: &[LineRule] = &[
    LineRule { rule: Rule::SeoSpam, matches: seo_spam },
    LineRule { rule: Rule::WelcomeBanner, matches: welcome_banner },
    LineRule { rule: Rule::LoginForm, matches: login_form },
    LineRule { rule: Rule::SiteNav, matches: site_nav },
    LineRule { rule: Rule::Breadcrumb, matches: breadcrumb },
    LineRule { rule: Rule::PageMeta, matches: page_meta },
    LineRule { rule: Rule::ContactBlock, matches: contact_block },
    LineRule { rule: Rule::Licence, matches: licence },
    LineRule { rule: Rule::Copyright, matches: copyright },
    LineRule { rule: Rule::PrevNext, matches: prev_next },
    LineRule { rule: Rule::SeoKeywords, matches: seo_keywords },
    LineRule { rule: Rule::WidgetLabel, matches: widget_label },
    LineRule { rule: Rule::ImagePlaceholder, matches: image_placeholder },
    LineRule { rule: Rule::Disclaimer, matches: disclaimer },
];

/// The first rule that matches `probe`, if any.
pub fn chrome_rule(probe: &str) -> Option<Rule> {
    RULES.iter().find(|r| (r.matches)(probe)).map(|r| r.rule)
}

/// Sentence punctuation: a line that has it is prose, not a label.
fn has_sentence_punctuation(p: &str) -> bool {
    p.contains(['。', '，', '；', ',', ';'])
}

fn starts_with_any(p: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|x| p.starts_with(x))
}

fn contains_any(p: &str, needles: &[&str]) -> bool {
    needles.iter().any(|x| p.contains(x))
}

/// Keyword-stuffed adult/piracy spam lines (`久久…_亚洲…免费视频`): three or more such terms
/// and no sentence punctuation.
fn seo_spam(p: &str) -> bool {
    const MARKERS: &[&str] =
        &["久久", "亚洲", "乱码", "观看", "视频", "伊人", "无码", "av", "密臀", "性色", "精品", "免费"];
    !has_sentence_punctuation(p) && MARKERS.iter().filter(|m| p.contains(**m)).count() >= 3
}

fn welcome_banner(p: &str) -> bool {
    starts_with_any(p, &["欢迎来到", "欢迎访问", "欢迎光临", "欢迎您"])
}

/// The site a `welcome_banner` names, the greeting and its `!` gone: `歡迎來到嘉興人才在線!` →
/// `嘉興人才在線`, `欢迎您访问杭州网` → `杭州网`. `compact` is the line in its own script,
/// `probe` the same line folded (one character for one), where the greeting is recognised.
pub fn welcome_site(compact: &str, probe: &str) -> Option<String> {
    let rest = probe.strip_prefix("欢迎")?;
    let rest = rest.strip_prefix('您').unwrap_or(rest);
    let rest = ["来到", "访问", "光临"].iter().find_map(|verb| rest.strip_prefix(verb)).unwrap_or(rest);
    let greeting = probe.chars().count() - rest.chars().count();
    // The name ends at the greeting's `!`: what follows is the banner's links (设为首页).
    let name: String = compact.chars().skip(greeting).take_while(|c| !"!！。".contains(*c)).collect();
    (!name.is_empty()).then_some(name)
}

fn login_form(p: &str) -> bool {
    p.chars().count() <= 40 && !p.contains('。') && contains_any(p, &["登录", "注册", "用户名", "密码", "验证码"])
}

fn breadcrumb(p: &str) -> bool {
    starts_with_any(p, &["位置:", "您的位置", "当前位置", "您现在的位置", "所在位置"])
        || contains_any(p, &["首页>", "首页->", "首页»", "首页/"])
}

/// Article metadata bars: dates, view counts, index numbers, columns.
fn page_meta(p: &str) -> bool {
    const KEYS: &[&str] = &[
        "发布时间",
        "发布日期",
        "浏览量",
        "浏览次数",
        "阅读次数",
        "阅读:",
        "点击数",
        "点击量",
        "索引号",
        "主题分类",
        "发布部门",
        "发布机构",
        "信息来源",
        "来源:",
        "栏目:",
        "字号:",
    ];
    !p.contains('。') && (contains_any(p, KEYS) || p.starts_with("日期:"))
}

/// Hotlines, contact persons, addresses, e-mail and web addresses, bare phone numbers.
fn contact_block(p: &str) -> bool {
    const KEYS: &[&str] = &[
        "热线",
        "联系人",
        "联系电话",
        "电话",
        "手机",
        "地址",
        "邮件",
        "邮箱",
        "网址",
        "传真",
        "qq",
        "客服",
        "服务中心",
    ];
    let labelled = p.find(':').is_some_and(|colon| {
        let label = &p[..colon];
        label.chars().count() <= 8 && contains_any(label, KEYS)
    });
    let digits = p.chars().filter(char::is_ascii_digit).count();
    // A run of digits that reads as a date is a signature date (`2018730`), not a phone number.
    let phone = digits >= 7
        && p.chars().all(|c| c.is_ascii_digit() || "-+()".contains(c))
        && crate::meta::date_only(p).is_none();
    labelled || phone
}

fn licence(p: &str) -> bool {
    contains_any(p, &["icp备", "icp证", "公网安备", "经营许可证", "备案号"])
}

fn copyright(p: &str) -> bool {
    contains_any(p, &["版权所有", "copyright", "©"])
}

fn prev_next(p: &str) -> bool {
    starts_with_any(p, &["上一条", "上一篇", "下一条", "下一篇"])
}

/// A row of short links: `网站首页 / 关于我们 / 立项公告 / …`.
fn site_nav(p: &str) -> bool {
    let items: Vec<&str> = p.split(['/', '|']).filter(|s| !s.is_empty()).collect();
    items.len() >= 3 && !p.contains('。') && items.iter().all(|s| s.chars().count() <= 8)
}

fn seo_keywords(p: &str) -> bool {
    starts_with_any(p, &["关键词:", "关键字:", "tags:"])
}

/// Buttons and links of the page, alone on a line.
fn widget_label(p: &str) -> bool {
    const LABELS: &[&str] = &[
        "点击这里给我发消息",
        "关闭",
        "关闭窗口",
        "打印",
        "打印本页",
        "〔打印〕",
        "〔关闭〕",
        "返回顶部",
        "返回",
        "分享到",
        "扫一扫",
        "收藏",
        "字体:大中小",
        "大中小",
    ];
    LABELS.contains(&p)
}

fn image_placeholder(p: &str) -> bool {
    ["图片", "图像", "〔图片〕", "image", "img"].contains(&p)
}

fn disclaimer(p: &str) -> bool {
    (p.contains("侵权") && p.contains("删除")) || (p.contains("本站") && p.contains("互联网"))
}

#[cfg(test)]
mod tests {
    use super::{chrome_rule, welcome_site};

    fn rule(line: &str) -> Option<&'static str> {
        let full = policy_search_normalize::FoldTable::full();
        let probe: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        chrome_rule(&policy_search_normalize::fold(&probe, full)).map(|r| r.name())
    }

    #[test]
    fn removes_spam_and_chrome() {
        let cases = [
            ("久久九九兔免费精品6_亚洲AV伊人久久综合密臀性色_国产精品最新免费视频", "seo_spam"),
            ("成长在线视频免费观看", "seo_spam"),
            ("歡迎來到嘉興人才在線!", "welcome_banner"),
            ("• 領軍人才企業登錄", "login_form"),
            ("用戶名和密碼不能為空!", "login_form"),
            ("位置: 首頁 >政策法規", "breadcrumb"),
            ("您的位置:首页 -> 新闻资讯", "breadcrumb"),
            ("欄目:市級政策法規 發布時間:2020-06-01 瀏覽量: 828", "page_meta"),
            ("發布日期:2017-05-02 閱讀次數:30730 次", "page_meta"),
            ("日期:2024/11/26 17:27:19    阅读:", "page_meta"),
            ("索 引 号 发布部门 市政府办公室", "page_meta"),
            ("客户服务热线:", "contact_block"),
            ("0571-56774949", "contact_block"),
            ("联 系 人:曾先生", "contact_block"),
            ("QQ:点击这里给我发消息", "contact_block"),
            ("网  址:http://51kjxm.com", "contact_block"),
            ("网站备案号:浙ICP备2022002951号-1", "licence"),
            ("某公司 版权所有 © Copyright 2015 [网站地图]", "copyright"),
            ("上一条:浙江省科学技术厅关于2025年度“尖兵领下一条:暂无", "prev_next"),
            ("网站首页  /  关于我们  /  立项公告  /  申报通知  /", "site_nav"),
            ("关键词:浙江高新企业申报 / 杭州市高新企业申报网", "seo_keywords"),
            ("点击这里给我发消息", "widget_label"),
            ("关闭", "widget_label"),
            ("图片", "image_placeholder"),
            ("*本站相关网页素材及相关资源均来源互联网,如有侵权请速告知,我们将会在24小时内删除*", "disclaimer"),
        ];
        for (line, expected) in cases {
            assert_eq!(rule(line), Some(expected), "{line}");
        }
    }

    #[test]
    fn a_welcome_banner_names_the_site_without_the_greeting() {
        let site = |line: &str| {
            welcome_site(line, &policy_search_normalize::fold(line, policy_search_normalize::FoldTable::full()))
        };
        assert_eq!(site("歡迎來到嘉興人才在線!").as_deref(), Some("嘉興人才在線"));
        assert_eq!(site("欢迎访问杭州市人民政府门户网站！").as_deref(), Some("杭州市人民政府门户网站"));
        assert_eq!(site("欢迎光临科技项目网。").as_deref(), Some("科技项目网"));
        assert_eq!(site("欢迎您访问杭州网").as_deref(), Some("杭州网"), "欢迎您 is three characters");
        assert_eq!(site("欢迎您来到杭州网").as_deref(), Some("杭州网"));
        assert_eq!(site("欢迎访问某市人民政府网站！设为首页加入收藏").as_deref(), Some("某市人民政府网站"));
        assert_eq!(site("欢迎您!"), None);
        assert_eq!(site("杭州网"), None);
    }

    #[test]
    fn keeps_policy_text() {
        for line in [
            "(九)著力完善人才鏈。實施“521”“115”人才計劃,充分發揮硅谷人才工作站等平臺作用。",
            "建立用户名实名登记制度,完善网络安全保障体系。",
            "加强视频监控网络建设,提升免费公共服务水平。",
            "一、总体要求",
            "序号 领域 项目名称 施工单位",
            "杭州市人民政府",
            "2019年96",
            "对企业银行贷款按同期一年期贷款市场报价利率(LPR)给予最高100%贴息资助。",
            "建设智造供给小镇,地址选在滨江区。",
            "2018730",
        ] {
            assert_eq!(rule(line), None, "{line}");
        }
    }
}
