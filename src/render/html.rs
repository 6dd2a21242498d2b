//! `--format html`: one self-contained page an editor opens in a browser.
//!
//! Per claim file: the article as written, every piece of evidence highlighted in the colour
//! of its claim's verdict (a highlight links to its claim; a small number before each span
//! links to the claim that span is evidence for and is what the claim links back to), and
//! beside it the claims, failing first, with their evidence sentences and diffs inline, read
//! as "expected → found" (the characters that differ in `<del>` on the claim's side, `<ins>` on
//! the article's). A legend at the top explains every mark, including the overlaps this report
//! has (a red background with a green underline: evidence for a refuted and a supported
//! claim). Filters by verdict are checkboxes styled by CSS alone; a print stylesheet lays it
//! out on one column.
//!
//! Nothing is fetched: no scripts, inline CSS, no URL but `#` fragments, and a
//! Content-Security-Policy of `default-src 'none'` makes the browser refuse anything else.
//! HTML Living Standard: <https://html.spec.whatwg.org/>.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;

use super::{escape_markup as esc, status_word, summary_line};
use crate::report::{ArticleRef, ClaimResult, Diff, Evidence, FileReport, Report, Span, Status, Verdict};

/// Verdict colours: (verdict, strong, background, the colour's name for the legend).
/// Backgrounds keep black text readable.
const COLOURS: [(Verdict, &str, &str, &str); 4] = [
    (Verdict::Supported, "#1a7f37", "#c9f2cf", "green"),
    (Verdict::Refuted, "#cf222e", "#ffd3d3", "red"),
    (Verdict::NotFound, "#9a6700", "#fff0b3", "amber"),
    (Verdict::Conflicting, "#8250df", "#e8d9ff", "purple"),
];

fn colour(v: Verdict) -> (&'static str, &'static str, &'static str) {
    let (_, strong, bg, name) = COLOURS.iter().find(|c| c.0 == v).copied().unwrap_or(COLOURS[0]);
    (strong, bg, name)
}

/// A verdict in words: `not found`, not `not_found`.
fn words(v: Verdict) -> String {
    v.as_str().replace('_', " ")
}

const STYLE: &str = r#"
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #fff; }
header.top { padding: .7rem 1.25rem; border-bottom: 1px solid #d0d7de; background: #f6f8fa; }
h1 { font-size: 1.3rem; margin: 0 0 .2rem; }
h2 { font-size: 1.05rem; margin: 1rem 1.25rem .6rem; font-weight: 600; }
h2 .against { font-weight: 400; color: #59636e; }
.summary { margin: 0 0 .4rem; }
.filters { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
.filters label { cursor: pointer; border: 1px solid; border-radius: 1rem; padding: 0 .7rem; user-select: none; }
.legend { margin: .4rem 0 0; font-size: .85rem; }
.legend summary { cursor: pointer; color: #59636e; }
.legend ul { margin: .3rem 0 0; padding-left: 1.1rem; columns: 2 30rem; column-gap: 2rem; }
.legend li { margin: 0 0 .2rem; break-inside: avoid; }
.legend .hl { padding: 0 .2em; font-family: Georgia, serif; }
.legend mark { background: #c9f2cf; }
.legend .sample-claim { border-left: 6px solid #cf222e; padding-left: .3em; font-weight: 700; color: #cf222e; }
.legend .sample-target { outline: 3px solid #0969da; outline-offset: 1px; }
input.show { position: absolute; opacity: 0; pointer-events: none; }
.columns { display: grid; grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr); gap: 1.25rem; padding: 0 1.25rem 1.25rem; }
.article, .claims { max-height: 82vh; overflow: auto; border: 1px solid #d0d7de; border-radius: 6px; padding: .8rem 1rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, "Times New Roman", serif; font-size: 1.05rem; line-height: 1.75; }
.hl { color: inherit; text-decoration: none; border-radius: 2px; }
.ref { font: 600 .68rem/1 system-ui, sans-serif; vertical-align: super; text-decoration: none; padding: 0 .12em; }
:target { outline: 3px solid #0969da; outline-offset: 2px; }
.claim { border: 1px solid #d0d7de; border-left-width: 6px; border-radius: 6px; padding: .5rem .8rem; margin: 0 0 .8rem; break-inside: avoid; }
.claim h3 { font-size: .95rem; margin: 0 0 .3rem; display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
.claim .badge { font-weight: 700; }
.claim.s-fail .badge { color: #cf222e; }
.claim.s-warn .badge { color: #9a6700; }
.claim.s-pass .badge { color: #1a7f37; }
.claim .num { color: #59636e; font-weight: 400; }
.claim-text { margin: 0 0 .3rem; font-weight: 600; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 .6rem; margin: 0 0 .3rem; font-size: .9rem; }
dt { color: #59636e; }
dd { margin: 0; }
ol.evidence { margin: .3rem 0 0; padding-left: 1.2rem; font-size: .9rem; }
ol.evidence li { margin-bottom: .4rem; }
blockquote { margin: .2rem 0; padding-left: .6rem; border-left: 3px solid #d0d7de; font-family: Georgia, serif; }
.diff { margin: .2rem 0; font-size: .85rem; }
.diff .label, .diff .arrow { color: #59636e; }
.diff .arrow { margin: 0 .3em; }
.expected, .found { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; padding: 0 .25em; border-radius: 3px; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.expected { background: #fff1f1; }
.found { background: #ecfbef; }
del, ins { text-decoration: none; font-weight: 700; border-radius: 2px; padding: 0 1px; }
del { background: #ffb3b3; color: #82071e; }
ins { background: #9fe3ad; color: #044f1b; }
.note { color: #59636e; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: .85em; }
@media (max-width: 900px) {
  .columns { grid-template-columns: 1fr; }
  .article, .claims { max-height: none; }
}
@media print {
  @page { margin: 14mm; }
  body { font-size: 11pt; }
  header.top { background: none; }
  .filters, .legend summary { display: none; }
  .columns { display: block; padding: 0; }
  .article, .claims { max-height: none; overflow: visible; border: none; padding: 0; }
  .article { margin-bottom: 1rem; }
  .hl, .ref, del, ins, .expected, .found, .claim { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  :target { outline: none; }
  h2 { margin: 0 0 .5rem; break-after: avoid; }
  section.file + section.file { break-before: page; }
}
"#;

pub(super) fn render(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    // The files first: the legend explains the overlaps they hold.
    let mut looks = BTreeSet::new();
    let mut main = String::new();
    for (fi, file) in report.files.iter().enumerate() {
        section(&mut main, fi, file, &mut looks);
    }
    let mut out = String::new();
    let summary = summary_line(&report.summary);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>claimcheck: {}</title>\n<style>{STYLE}{}</style>\n</head>\n<body>\n",
        esc(&summary),
        verdict_style()
    );
    // The filter checkboxes come first so that CSS can reach everything after them (`~`).
    for (v, ..) in COLOURS {
        let _ = writeln!(
            out,
            "<input type=\"checkbox\" class=\"show\" id=\"show-{0}\" checked aria-label=\"show {0} claims\">",
            v.as_str()
        );
    }
    let counts = &report.summary.verdicts;
    let _ = write!(
        out,
        "<header class=\"top\">\n<h1>claimcheck report</h1>\n<p class=\"summary\">{}</p>\n\
         <div class=\"filters\"><span>Show:</span>",
        esc(&summary)
    );
    for (v, n) in [
        (Verdict::Supported, counts.supported),
        (Verdict::Refuted, counts.refuted),
        (Verdict::NotFound, counts.not_found),
        (Verdict::Conflicting, counts.conflicting),
    ] {
        let _ = write!(
            out,
            "<label for=\"show-{0}\" class=\"chip v-{0}\">{0} ({n})</label>",
            v.as_str()
        );
    }
    out.push_str("</div>\n");
    legend(&mut out, &looks);
    out.push_str("</header>\n<main>\n");
    out.push_str(&main);
    out.push_str("</main>\n</body>\n</html>\n");
    w.write_all(out.as_bytes())
}

/// How a piece of the article looks: the background's verdict, an underline per other
/// verdict over it, or a dashed outline for a nearest span.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Look {
    top: Verdict,
    also: Vec<Verdict>,
    nearest: bool,
}

impl Look {
    fn class(&self) -> String {
        let mut class = format!("hl v-{}", self.top.as_str());
        if self.nearest {
            class.push_str(" nearest");
        }
        for v in &self.also {
            let _ = write!(class, " also-{}", v.as_str());
        }
        class
    }
}

/// Every mark the page uses, each with a sample drawn by the page's own CSS; the overlaps
/// and nearest spans that `looks` (this report's) hold, in words.
fn legend(out: &mut String, looks: &BTreeSet<Look>) {
    out.push_str("<details class=\"legend\" open>\n<summary>How to read this report</summary>\n<ul>\n<li>");
    for (v, ..) in COLOURS {
        let _ = write!(out, "<span class=\"hl v-{}\">{}</span> ", v.as_str(), words(v));
    }
    out.push_str(
        "In the article: words that are evidence for a claim, in the colour of the claim's \
         verdict. A highlight links to its claim; hovering over it names every claim it is \
         evidence for.</li>\n",
    );
    out.push_str(
        "<li><span class=\"ref v-refuted\">3</span> Where a piece of evidence begins: the number of \
         its claim, in the colour of its verdict, linking to the claim (which links back).</li>\n",
    );
    for look in looks.iter().filter(|l| !l.also.is_empty()) {
        let others: Vec<String> = look.also.iter().map(|&v| a(colour(v).2)).collect();
        let kinds: Vec<String> = look.also.iter().map(|&v| a(&words(v))).collect();
        let several = look.also.len() > 1;
        let _ = writeln!(
            out,
            "<li><span class=\"{}\">words</span> {} with {} underline: evidence for {} claim and for \
             {} one. The background is the claim listed first (failing, then warnings, then \
             passing), the underline{} the other{}.</li>",
            look.class(),
            capitalized(colour(look.top).2),
            others.join(" and "),
            a(&words(look.top)),
            kinds.join(" and "),
            if several { "s" } else { "" },
            if several { "s" } else { "" },
        );
    }
    for look in looks.iter().filter(|l| l.nearest) {
        let _ = writeln!(
            out,
            "<li><span class=\"{}\">words</span> Dashed {} outline: the words closest to {} claim, \
             shown to help; they are not evidence for it.</li>",
            look.class(),
            colour(look.top).2,
            a(&words(look.top))
        );
    }
    out.push_str(
        "<li><span class=\"sample-target\">words</span> Blue outline: where the link you followed \
         landed.</li>\n\
         <li><span class=\"sample-claim\">FAIL</span> A claim: FAIL, WARN or PASS, its edge in the \
         colour of its verdict. In its evidence sentences, <mark>words</mark> are what the \
         article matched.</li>\n\
         <li><span class=\"label\">expected</span> <span class=\"expected\">3<del>4</del> \
         countries</span> <span class=\"arrow\">→</span> <span class=\"label\">found</span> \
         <span class=\"found\">3<ins>0</ins> countries</span> What the claim expects, then what \
         the article says; the characters that differ are marked on each side. Case alone is \
         no difference.</li>\n\
         <li>Show: untick a verdict to hide its claims and its highlights' colour.</li>\n\
         </ul>\n</details>\n",
    );
}

/// `a red`, `an amber`.
fn a(word: &str) -> String {
    let an = word.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {word}", if an { "an" } else { "a" })
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The per-verdict rules: colours, and what each filter hides.
fn verdict_style() -> String {
    let mut s = String::new();
    for (v, strong, bg, _) in COLOURS {
        let v = v.as_str();
        let _ = write!(
            s,
            ".hl.v-{v} {{ background: {bg}; }}\n\
             .hl.nearest.v-{v} {{ background: none; outline: 1px dashed {strong}; outline-offset: -1px; }}\n\
             .ref.v-{v} {{ color: {strong}; }}\n\
             .claim.v-{v} {{ border-left-color: {strong}; }}\n\
             .claim.v-{v} blockquote mark {{ background: {bg}; }}\n\
             .chip.v-{v} {{ border-color: {strong}; background: {bg}; }}\n\
             #show-{v}:not(:checked) ~ header label[for=show-{v}] {{ text-decoration: line-through; opacity: .55; background: none; }}\n\
             #show-{v}:focus-visible ~ header label[for=show-{v}] {{ outline: 2px solid #0969da; }}\n\
             #show-{v}:not(:checked) ~ main .claim.v-{v}, #show-{v}:not(:checked) ~ main a.ref.v-{v} {{ display: none; }}\n\
             #show-{v}:not(:checked) ~ main a.hl.v-{v} {{ background: none; box-shadow: none; outline: none; }}\n"
        );
    }
    // One underline per other verdict over the words, stacked: a rule per set of verdicts
    // (more classes, more specific, so the larger set wins).
    for set in 1u8..16 {
        let vs: Vec<(&str, &str)> = (0..4)
            .filter(|i| set & (1 << i) != 0)
            .map(|i| (COLOURS[i].0.as_str(), COLOURS[i].1))
            .collect();
        let selector: String = vs.iter().map(|(v, _)| format!(".also-{v}")).collect();
        let shadows: Vec<String> = vs
            .iter()
            .enumerate()
            .map(|(k, (_, strong))| format!("inset 0 -{}px 0 {strong}", 3 * (k + 1)))
            .collect();
        let _ = writeln!(s, ".hl{selector} {{ box-shadow: {}; }}", shadows.join(", "));
    }
    s
}

/// One claim file and its article: the article on the left, the claims on the right.
fn section(out: &mut String, fi: usize, file: &FileReport, looks: &mut BTreeSet<Look>) {
    let s = file.summary();
    let _ = write!(
        out,
        "<section class=\"file\" id=\"file-{fi}\">\n<h2><code>{}</code> <span class=\"against\">checked against</span> <code>{}</code> \
         <span class=\"against\">({} claims: {} passed, {} failed, {} warning{})</span></h2>\n<div class=\"columns\">\n\
         <div class=\"article\" role=\"region\" aria-label=\"article {}\"><div class=\"text\">",
        esc(&file.path),
        esc(&file.article),
        s.claims,
        s.passed,
        s.failed,
        s.warnings,
        if s.warnings == 1 { "" } else { "s" },
        esc(&file.article),
    );
    article(out, fi, file, looks);
    out.push_str("</div></div>\n<div class=\"claims\" role=\"region\" aria-label=\"claims\">\n");
    let mut order: Vec<usize> = (0..file.claims.len()).collect();
    order.sort_by_key(|&ci| file.claims[ci].status());
    for ci in order {
        claim(out, fi, ci, file);
    }
    out.push_str("</div>\n</div>\n</section>\n");
}

/// A piece of evidence placed in the article.
struct Item<'a> {
    range: Range<usize>,
    claim: usize,
    c: &'a ClaimResult,
    id: String,
    nearest: bool,
}

impl Item<'_> {
    /// Which highlight shows on top where spans overlap: failing claims before warnings before
    /// passing ones, real evidence before a nearest span, then file order.
    fn rank(&self) -> (bool, Status, usize) {
        (self.nearest, self.c.status(), self.claim)
    }
}

fn evidence_id(fi: usize, ci: usize, k: Option<usize>) -> String {
    match k {
        Some(k) => format!("ev-{fi}-{ci}-{k}"),
        None => format!("ev-{fi}-{ci}-nearest"),
    }
}

/// A span the page can place: inside the article, on character boundaries, not empty.
fn placeable(src: &str, s: &Span) -> bool {
    let r = &s.in_text;
    r.start < r.end && r.end <= src.len() && src.is_char_boundary(r.start) && src.is_char_boundary(r.end)
}

/// The article text with every evidence span highlighted. Overlapping spans are cut at every
/// boundary; each piece links to the highest-ranked claim over it and lists all in its title.
/// How each piece looks goes into `looks`, for the legend.
fn article(out: &mut String, fi: usize, file: &FileReport, looks: &mut BTreeSet<Look>) {
    let src: &str = &file.article_source;
    let mut items = Vec::new();
    for (ci, c) in file.claims.iter().enumerate() {
        let all = c.evidence.iter().enumerate().map(|(k, e)| (Some(k), e));
        for (k, e) in all.chain(c.nearest.as_deref().into_iter().map(|e| (None, e))) {
            if placeable(src, &e.span) {
                items.push(Item {
                    range: e.span.in_text.clone(),
                    claim: ci,
                    c,
                    id: evidence_id(fi, ci, k),
                    nearest: k.is_none(),
                });
            }
        }
    }
    items.sort_by_key(|i| i.rank());
    let mut bounds: BTreeSet<usize> = BTreeSet::from([0, src.len()]);
    for i in &items {
        bounds.insert(i.range.start);
        bounds.insert(i.range.end);
    }
    let bounds: Vec<usize> = bounds.into_iter().collect();
    for pair in bounds.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        for i in items.iter().filter(|i| i.range.start == a) {
            let _ = write!(
                out,
                "<a class=\"ref v-{}{}\" id=\"{}\" href=\"#claim-{fi}-{}\" title=\"{}\">{}</a>",
                i.c.verdict.as_str(),
                if i.nearest { " nearest" } else { "" },
                i.id,
                i.claim,
                esc(&title(i)),
                i.claim + 1
            );
        }
        let text = esc(&src[a..b]);
        let over: Vec<&Item<'_>> = items
            .iter()
            .filter(|i| i.range.start <= a && b <= i.range.end)
            .collect();
        let Some(top) = over.first() else {
            out.push_str(&text);
            continue;
        };
        let look = Look {
            top: top.c.verdict,
            also: over
                .iter()
                .filter(|i| !i.nearest && i.c.verdict != top.c.verdict)
                .map(|i| i.c.verdict)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
            nearest: top.nearest,
        };
        let class = look.class();
        looks.insert(look);
        let titles: Vec<String> = over.iter().map(|i| title(i)).collect();
        let _ = write!(
            out,
            "<a class=\"{class}\" href=\"#claim-{fi}-{}\" title=\"{}\">{text}</a>",
            top.claim,
            esc(&titles.join("; "))
        );
    }
}

fn title(i: &Item<'_>) -> String {
    let what = if i.nearest { ", nearest span" } else { "" };
    format!("#{} {}: {}{what}", i.claim + 1, i.c.id, i.c.verdict.as_str())
}

fn claim(out: &mut String, fi: usize, ci: usize, file: &FileReport) {
    let c = &file.claims[ci];
    let status = c.status();
    let _ = write!(
        out,
        "<article class=\"claim v-{v} s-{s}\" id=\"claim-{fi}-{ci}\">\n\
         <h3><span class=\"badge\">{label}</span> <span class=\"verdict\">{v}</span> \
         <span class=\"num\">#{n}</span> <code>{id}</code></h3>\n\
         <p class=\"claim-text\">{claim}</p>\n\
         <dl><dt>expected</dt><dd>{expected}</dd><dt>why</dt><dd>{why}</dd>\
         <dt>written at</dt><dd><code>{path}:{line}:{column}</code></dd></dl>\n",
        v = c.verdict.as_str(),
        s = status_word(status),
        label = status.label(),
        n = ci + 1,
        id = esc(&c.id),
        claim = esc(&c.claim),
        expected = esc(&c.expected),
        why = esc(&c.explanation),
        path = esc(&file.path),
        line = c.line,
        column = c.column,
    );
    for n in &c.notes {
        let _ = writeln!(out, "<p class=\"note\">note: {}</p>", esc(n));
    }
    if !c.evidence.is_empty() || c.nearest.is_some() {
        out.push_str("<ol class=\"evidence\">\n");
        let all = c.evidence.iter().enumerate().map(|(k, e)| (Some(k), e));
        for (k, e) in all.chain(c.nearest.as_deref().into_iter().map(|e| (None, e))) {
            evidence(
                out,
                file.article_ref(),
                &file.article_source,
                &evidence_id(fi, ci, k),
                e,
            );
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</article>\n");
}

fn evidence(out: &mut String, article: ArticleRef<'_>, src: &str, id: &str, e: &Evidence) {
    let place = format!(
        "{} <code>{}</code>",
        e.role.as_str(),
        esc(&article.at(e.span.line, e.span.column))
    );
    let _ = write!(out, "<li class=\"role-{}\">", e.role.as_str());
    if placeable(src, &e.span) {
        let _ = write!(out, "<a class=\"goto\" href=\"#{id}\">{place}</a>");
    } else {
        out.push_str(&place);
    }
    if let Some(n) = &e.note {
        let _ = write!(out, " <span class=\"note\">({})</span>", esc(n));
    }
    let _ = write!(
        out,
        "\n<blockquote>{}</blockquote>\n",
        marked(&e.sentence, &e.sentence_marks, "mark")
    );
    if let Some(d) = &e.diff {
        diff(out, d);
    }
    out.push_str("</li>\n");
}

/// The diff inline, read as "expected → found": the claim's text, then the article's, the
/// characters that differ marked on each side (`<del>`: not in the article, `<ins>`: not in
/// the claim). Two whole texts read better than one interleaved run of struck and inserted
/// pieces.
fn diff(out: &mut String, d: &Diff) {
    let _ = writeln!(
        out,
        "<p class=\"diff\"><span class=\"label\">expected</span> \
         <span class=\"expected\" title=\"what the claim expects\">{}</span> \
         <span class=\"arrow\">→</span> <span class=\"label\">found</span> \
         <span class=\"found\" title=\"what the article says\">{}</span></p>",
        marked(&d.expected, &d.expected_marks, "del title=\"not in the article\""),
        marked(&d.found, &d.found_marks, "ins title=\"not in the claim\""),
    );
}

/// The text with its marked ranges in `<tag>` (a name, maybe attributes), escaped; marks out of order or off character
/// boundaries are left out.
fn marked(text: &str, marks: &[Range<usize>], tag: &str) -> String {
    let mut out = String::new();
    let mut at = 0;
    for m in marks {
        let ok = at <= m.start
            && m.start < m.end
            && m.end <= text.len()
            && text.is_char_boundary(m.start)
            && text.is_char_boundary(m.end);
        if !ok {
            continue;
        }
        out.push_str(&esc(&text[at..m.start]));
        let name = tag.split(' ').next().unwrap_or(tag);
        let _ = write!(out, "<{tag}>{}</{name}>", esc(&text[m.clone()]));
        at = m.end;
    }
    out.push_str(&esc(&text[at..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn legend_of(looks: &[Look]) -> String {
        let mut out = String::new();
        legend(&mut out, &looks.iter().cloned().collect());
        out
    }

    #[test]
    fn the_legend_names_each_overlap_and_nearest_span_it_has() {
        let plain = legend_of(&[]);
        assert!(!plain.contains("underline") && !plain.contains("Dashed"), "{plain}");
        let out = legend_of(&[
            Look {
                top: Verdict::Refuted,
                also: vec![Verdict::Supported],
                nearest: false,
            },
            Look {
                top: Verdict::Refuted,
                also: vec![Verdict::Supported, Verdict::NotFound],
                nearest: false,
            },
            Look {
                top: Verdict::NotFound,
                also: vec![],
                nearest: true,
            },
        ]);
        assert!(out.contains(
            "<li><span class=\"hl v-refuted also-supported\">words</span> Red with a green underline: \
             evidence for a refuted claim and for a supported one."
        ));
        assert!(out.contains(
            "<span class=\"hl v-refuted also-supported also-not_found\">words</span> Red with a green and \
             an amber underline: evidence for a refuted claim and for a supported and a not found one. \
             The background is the claim listed first (failing, then warnings, then passing), the \
             underlines the others."
        ));
        assert!(out.contains(
            "<span class=\"hl v-not_found nearest\">words</span> Dashed amber outline: the words \
             closest to a not found claim"
        ));
    }

    #[test]
    fn every_set_of_underlines_has_its_rule() {
        let css = verdict_style();
        assert!(css.contains(".hl.also-supported { box-shadow: inset 0 -3px 0 #1a7f37; }"));
        assert!(css.contains(
            ".hl.also-supported.also-not_found { box-shadow: inset 0 -3px 0 #1a7f37, inset 0 -6px 0 #9a6700; }"
        ));
        assert_eq!(css.matches(" { box-shadow: inset").count(), 15);
    }

    #[test]
    fn a_diff_reads_expected_then_found_with_the_changes_marked() {
        let mut out = String::new();
        diff(&mut out, &Diff::new("34 countries", "30 Countries", None));
        assert_eq!(
            out,
            "<p class=\"diff\"><span class=\"label\">expected</span> <span class=\"expected\" title=\"what \
             the claim expects\">3<del title=\"not in the article\">4</del> countries</span> <span \
             class=\"arrow\">→</span> <span class=\"label\">found</span> <span class=\"found\" \
             title=\"what the article says\">3<ins title=\"not in the claim\">0</ins> Countries</span></p>\n"
        );
    }
}
