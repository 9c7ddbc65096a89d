// Interface text in Simplified (zh-CN) and Traditional (zh-TW, strings-tw.js, loaded only by a
// page that needs it) Chinese. The element picks zh-TW when the nearest `lang` says zh-TW,
// zh-HK, zh-MO or zh-Hant; otherwise zh-CN. Strings
// that quote the visitor's text are lists of parts, so the caller can isolate that text.

/**
 * The status line for `{total, partial, documents, pinyin}` hits (pinyin: found only through a
 * pinyin reading of the query) of which `shown` are on screen.
 */
function counts(words) {
  return ({ total, partial, documents, pinyin = 0 }, shown) => {
    const parts = [[documents, words.document], [total, words.exact], [pinyin, words.pinyin], [partial, words.related]]
      .filter(([n]) => n)
      .map(([n, word]) => `${n} ${word}`);
    const all = documents + total + partial + pinyin;
    return all === 0 ? words.none : `找到 ${parts.join("、")}${shown < all ? words.shown(shown) : ""}`;
  };
}

const zhCN = {
  label: "检索政策条款",
  placeholder: "输入关键词，如 创业补贴（繁简均可）",
  largeText: "大字",
  loading: "正在加载检索数据…",
  ready: (clauses, docs) => `已收录 ${docs} 份政策文件、${clauses} 条条款。直接输入想找的内容即可，如“创业补贴”。`,
  examples: "试试：",
  popular: "热门搜索：",
  relatedSearches: "相关搜索",
  relatedLead: "相关搜索：",
  counts: counts({ document: "份文件", exact: "条完全匹配", pinyin: "条按拼音匹配", related: "条相关条款", none: "没有找到相关条款", shown: (n) => `，已显示 ${n} 条` }),
  related: "相关条款（部分匹配）",
  document: "文件",
  matchedBy: { number: "文号匹配", title: "标题匹配", reference: "按条文引用定位" },
  matched: (pieces) => `匹配：${pieces.join("、")}`,
  synonym: (from, to) => `“${from}”按同义词“${to}”检索`,
  didYouMean: "您是不是要找：",
  searchedInstead: "以下是该词的结果。",
  pinyin: (from, to) => ["按拼音 ", from, " 搜索：", to],
  reading: "拼音",
  readAs: "读作",
  suggestions: "搜索建议",
  suggestionCount: (n) => `${n} 条`,
  asTyped: (q) => `仍然搜索“${q}”`,
  more: "显示更多",
  retry: "重试",
  results: "检索结果",
  noResults: (q) => ["没有找到与“", q, "”相关的条款。"],
  hints: ["检查是否有错别字", "换一个说法，或只输入最关键的词", "也可以输入文件标题或文号，如“国发〔2017〕37号”"],
  onlyTerm: (term, n) => ["只搜“", term, `”（${n} 条）`],
  fullText: (n) => `全文 ${n} 字`,
  clipped: (from, to, total) => `本条共 ${total} 字，此处只显示第 ${from}–${to} 字。`,
  sectionClipped: (shown, total) => `本节共 ${total} 条，此处只显示本条及前后共 ${shown} 条。`,
  backTo: { results: "返回检索结果", clause: "返回条款", document: "返回全文" },
  wholeDocument: "查看全文",
  toc: "目录",
  tocSummary: (n) => `目录（共 ${n} 条）`,
  meta: {
    issuer: "发文机关", written: "成文日期", effective: "施行日期", expires: "失效日期", period: "有效期", source: "来源",
    amends: "所修改文件", amended_by: "修改后版本", interprets: "解读对象", interpreted_by: "政策解读",
  },
  explains: "解读：",
  copyDocLink: "复制本文件链接",
  openClause: "打开本条",
  hasMatch: "含检索词",
  docMatches: (n) => `本文件有 ${n} 条含检索词，已标出。`,
  docClipped: (from, to, total) => `本文件共 ${total} 条，此处显示第 ${from}–${to} 条。`,
  earlier: "显示前面的条款",
  later: "显示后面的条款",
  docNotFound: "链接指向的文件不存在，可能已更新。",
  copyCitation: "复制引用",
  copyLink: "复制本条链接",
  copied: "已复制到剪贴板",
  copyFailed: "复制失败，请手动选择文字复制",
  context: "所在章节",
  thisClause: "本条",
  published: (d) => `发布 ${d}`,
  status: { current: "现行有效", amended: "已修改", pending: "尚未生效", expired: "已失效", unknown: "效力未知" },
  notFound: "链接指向的条款不存在，可能已更新。",
  filters: {
    toggle: "筛选", toggleCount: (n) => `筛选（${n}）`,
    facets: { doc: "文件", issuer: "发文机关", year: "发布年份", status: "效力状态", unit: "责任单位", type: "公文种类", code: "机关代字", topic: "主题分类" },
    range: "发布日期", from: "从", to: "至", fromChip: (d) => `${d} 起`, toChip: (d) => `至 ${d}`,
    more: (n) => `更多（共 ${n} 项）`, less: "收起",
    sort: "排序", relevance: "相关度", newest: "最新发布",
    field: "范围", fields: { all: "全部", title: "标题", number: "文号", body: "正文" },
    remove: (label) => `移除筛选：${label}`, clear: "清除筛选", read: (title) => `阅读全文：${title}`,
    browse: (n, shown) => `共 ${n} 条条款符合筛选条件${shown < n ? `，已显示 ${shown} 条` : ""}`,
    none: "没有符合筛选条件的条款。", narrowed: "已按所选条件筛选，清除筛选可能找到更多。",
  },
  // A refused query's words are given its error and the engine's limits (engine.limits()).
  errors: {
    too_long: (e) => `检索词过长，请精简后再试。（${e.message}）`,
    too_many_terms: (e, limits) => `关键词过多，请减少到 ${limits.max_terms} 个以内。`,
    only_exclusions: () => "请至少输入一个不带“-”的关键词。",
    csp: "本页面的内容安全策略（CSP）禁止运行 WebAssembly，检索无法使用。网站管理员请在 script-src 中加入 'wasm-unsafe-eval'。",
    noWasm: "您的浏览器不支持 WebAssembly，检索无法使用。请升级浏览器。",
    network: "检索数据下载失败，请检查网络后刷新页面。",
    files: {
      network: "部分检索数据下载失败，请检查网络后重试。",
      stale: "检索数据与本页不一致（网站可能刚刚更新），请刷新页面；也可重试。",
    },
    other: "检索组件出错：",
  },
};

/** The Traditional table, once loaded (`loadStrings`); until then, or if it fails, zh-CN's. */
let zhTW = null;
const traditional = (lang) => /^zh-(tw|hk|mo|hant)\b/i.test(lang || "");

/** The interface strings for a BCP 47 language tag (zh-TW's once `loadStrings` has them). */
export function strings(lang) {
  return traditional(lang) ? zhTW ?? zhCN : zhCN;
}

/** Whether `strings(lang)` is final: zh-CN always; zh-TW once its table has loaded. */
export function hasStrings(lang) {
  return !traditional(lang) || zhTW !== null;
}

/**
 * Loads the table `lang` needs: the Traditional one is a chunk of its own (strings-tw.js), so
 * that a zh-CN page (most portals) does not download it before its first result. A failed
 * fetch leaves zh-CN's in use.
 */
export async function loadStrings(lang) {
  if (hasStrings(lang)) return;
  try {
    zhTW = (await import("./strings-tw.js")).zhTW(counts);
  } catch {
    zhTW = zhCN;
  }
}
