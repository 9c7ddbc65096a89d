//! The rules that remove a source line, as one enum: the pipeline matches on it (a page-meta
//! line gives the page date and 文号, a welcome banner the site) and the report prints it, so a
//! rule cannot be renamed in one place and silently missed in another. [`Rule`]'s `Display` is
//! the name the report and docs/corpus.md use (`seo_spam`, `header`, …).

use std::fmt;

/// Why a line is not policy text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// Keyword-stuffed adult or piracy spam.
    SeoSpam,
    /// `欢迎来到…`: names the site.
    WelcomeBanner,
    /// Login and registration widgets.
    LoginForm,
    /// A row of short links.
    SiteNav,
    /// `您的位置：首页 > …`.
    Breadcrumb,
    /// The article's metadata bar: publication date, views, 文号, index number.
    PageMeta,
    /// Hotlines, contacts, addresses, web addresses: names the site.
    ContactBlock,
    /// ICP licence and public-security filing numbers.
    Licence,
    /// Copyright notices.
    Copyright,
    /// `上一条` / `下一篇` links.
    PrevNext,
    /// `关键词：…`.
    SeoKeywords,
    /// A button or link label alone on its line (`关闭`, `打印本页`).
    WidgetLabel,
    /// An image's placeholder text alone on its line (`图片`).
    ImagePlaceholder,
    /// `如有侵权请告知…删除`.
    Disclaimer,
    /// Outside an HTML page's main content.
    OutsideMain,
    /// Before the body and matching no chrome rule: title, 文号, date bar.
    Header,
    /// The signature block: issuer lines and their date, lifted into metadata.
    Signature,
    /// After the body and matching no chrome rule.
    Footer,
}

impl Rule {
    /// The name the report prints.
    pub fn name(self) -> &'static str {
        match self {
            Rule::SeoSpam => "seo_spam",
            Rule::WelcomeBanner => "welcome_banner",
            Rule::LoginForm => "login_form",
            Rule::SiteNav => "site_nav",
            Rule::Breadcrumb => "breadcrumb",
            Rule::PageMeta => "page_meta",
            Rule::ContactBlock => "contact_block",
            Rule::Licence => "licence",
            Rule::Copyright => "copyright",
            Rule::PrevNext => "prev_next",
            Rule::SeoKeywords => "seo_keywords",
            Rule::WidgetLabel => "widget_label",
            Rule::ImagePlaceholder => "image_placeholder",
            Rule::Disclaimer => "disclaimer",
            Rule::OutsideMain => "outside_main",
            Rule::Header => "header",
            Rule::Signature => "signature",
            Rule::Footer => "footer",
        }
    }

    /// True for a rule that matches only a whole line equal to a button or placeholder label:
    /// no sentence is such a line, so it applies inside a document's body too. Every other
    /// chrome rule applies only before the body begins and after it ends.
    pub fn is_label(self) -> bool {
        matches!(self, Rule::WidgetLabel | Rule::ImagePlaceholder)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::Rule;

    #[test]
    fn displays_the_names_the_report_has_always_used() {
        let all = [
            (Rule::SeoSpam, "seo_spam"),
            (Rule::WelcomeBanner, "welcome_banner"),
            (Rule::LoginForm, "login_form"),
            (Rule::SiteNav, "site_nav"),
            (Rule::Breadcrumb, "breadcrumb"),
            (Rule::PageMeta, "page_meta"),
            (Rule::ContactBlock, "contact_block"),
            (Rule::Licence, "licence"),
            (Rule::Copyright, "copyright"),
            (Rule::PrevNext, "prev_next"),
            (Rule::SeoKeywords, "seo_keywords"),
            (Rule::WidgetLabel, "widget_label"),
            (Rule::ImagePlaceholder, "image_placeholder"),
            (Rule::Disclaimer, "disclaimer"),
            (Rule::OutsideMain, "outside_main"),
            (Rule::Header, "header"),
            (Rule::Signature, "signature"),
            (Rule::Footer, "footer"),
        ];
        for (rule, name) in all {
            assert_eq!(rule.to_string(), name);
        }
    }
}
