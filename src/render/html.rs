//! `--format html`: one self-contained page an editor opens in a browser.
//!
//! Per claim file: the article as written, every piece of evidence highlighted in the colour
//! of its claim's verdict (a highlight links to its claim; a small number before each span
//! links to the claim that span is evidence for and is what the claim links back to), and
//! beside it the claims, failing first, with their evidence sentences and diffs inline
//! (`<del>` what only the claim says, `<ins>` what only the article says). Filters by verdict
//! are checkboxes styled by CSS alone; a print stylesheet lays it out on one column.
//!
//! Nothing is fetched: no scripts, inline CSS, no URL but `#` fragments, and a
//! Content-Security-Policy of `default-src 'none'` makes the browser refuse anything else.
//! HTML Living Standard: <https://html.spec.whatwg.org/>.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;

use super::{escape_markup as esc, role_word, status_word, summary_line};
use crate::report::diff::Tag;
use crate::report::{ClaimResult, Diff, Evidence, FileReport, Report, Span, Status, Verdict};

/// Verdict colours: (verdict, strong, background). Backgrounds keep black text readable.
const COLOURS: [(Verdict, &str, &str); 4] = [
    (Verdict::Supported, "#1a7f37", "#c9f2cf"),
    (Verdict::Refuted, "#cf222e", "#ffd3d3"),
    (Verdict::NotFound, "#9a6700", "#fff0b3"),
    (Verdict::Conflicting, "#8250df", "#e8d9ff"),
];

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
.help { margin: .4rem 0 0; color: #59636e; font-size: .85rem; }
input.show { position: absolute; opacity: 0; pointer-events: none; }
.columns { display: grid; grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr); gap: 1.25rem; padding: 0 1.25rem 1.25rem; }
.article, .claims { max-height: 82vh; overflow: auto; border: 1px solid #d0d7de; border-radius: 6px; padding: .8rem 1rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, "Times New Roman", serif; font-size: 1.05rem; line-height: 1.75; }
a.hl { color: inherit; text-decoration: none; border-radius: 2px; }
a.hl.nearest { background: none; outline: 1px dashed #9a6700; }
a.ref { font: 600 .68rem/1 system-ui, sans-serif; vertical-align: super; text-decoration: none; padding: 0 .12em; }
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
.diff { margin: .2rem 0; font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: .85rem; }
.diff .label { color: #59636e; font-family: system-ui, sans-serif; }
del { background: #ffd3d3; color: #82071e; }
ins { background: #c9f2cf; color: #055d20; }
del + ins { margin-left: .25em; }
del b, ins b { font-weight: 700; outline: 1px solid currentColor; }
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
  .filters, .help { display: none; }
  .columns { display: block; padding: 0; }
  .article, .claims { max-height: none; overflow: visible; border: none; padding: 0; }
  .article { margin-bottom: 1rem; }
  a.hl, a.ref, del, ins, .claim { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  :target { outline: none; }
  h2 { margin: 0 0 .5rem; break-after: avoid; }
  section.file + section.file { break-before: page; }
}
"#;

pub fn render(report: &Report, w: &mut dyn Write) -> io::Result<()> {
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
    for (v, _, _) in COLOURS {
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
    out.push_str(
        "</div>\n<p class=\"help\">Highlights in the article are evidence, coloured by the verdict of \
         their claim; the small number before each links to its claim, and each claim links back \
         to its evidence. Struck through: only in the claim; underlined: only in the article.</p>\n\
         </header>\n<main>\n",
    );
    for (fi, file) in report.files.iter().enumerate() {
        section(&mut out, fi, file);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    w.write_all(out.as_bytes())
}

/// The per-verdict rules: colours, and what each filter hides.
fn verdict_style() -> String {
    let mut s = String::new();
    for (v, strong, bg) in COLOURS {
        let v = v.as_str();
        let _ = write!(
            s,
            "a.hl.v-{v} {{ background: {bg}; }}\n\
             a.hl.also-{v} {{ box-shadow: inset 0 -3px 0 {strong}; }}\n\
             a.ref.v-{v} {{ color: {strong}; }}\n\
             .claim.v-{v} {{ border-left-color: {strong}; }}\n\
             .claim.v-{v} blockquote mark {{ background: {bg}; }}\n\
             .chip.v-{v} {{ border-color: {strong}; background: {bg}; }}\n\
             #show-{v}:not(:checked) ~ header label[for=show-{v}] {{ text-decoration: line-through; opacity: .55; background: none; }}\n\
             #show-{v}:focus-visible ~ header label[for=show-{v}] {{ outline: 2px solid #0969da; }}\n\
             #show-{v}:not(:checked) ~ main .claim.v-{v}, #show-{v}:not(:checked) ~ main a.ref.v-{v} {{ display: none; }}\n\
             #show-{v}:not(:checked) ~ main a.hl.v-{v} {{ background: none; box-shadow: none; outline: none; }}\n"
        );
    }
    s
}

/// One claim file and its article: the article on the left, the claims on the right.
fn section(out: &mut String, fi: usize, file: &FileReport) {
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
    article(out, fi, file);
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
    s.start < s.end && s.end <= src.len() && src.is_char_boundary(s.start) && src.is_char_boundary(s.end)
}

/// The article text with every evidence span highlighted. Overlapping spans are cut at every
/// boundary; each piece links to the highest-ranked claim over it and lists all in its title.
fn article(out: &mut String, fi: usize, file: &FileReport) {
    let src: &str = &file.article_source;
    let mut items = Vec::new();
    for (ci, c) in file.claims.iter().enumerate() {
        let all = c.evidence.iter().enumerate().map(|(k, e)| (Some(k), e));
        for (k, e) in all.chain(c.nearest.as_deref().into_iter().map(|e| (None, e))) {
            if placeable(src, &e.span) {
                items.push(Item {
                    range: e.span.start..e.span.end,
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
        let mut class = format!("hl v-{}", top.c.verdict.as_str());
        if top.nearest {
            class.push_str(" nearest");
        }
        let others: BTreeSet<Verdict> = over
            .iter()
            .filter(|i| !i.nearest && i.c.verdict != top.c.verdict)
            .map(|i| i.c.verdict)
            .collect();
        for v in others {
            let _ = write!(class, " also-{}", v.as_str());
        }
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
            evidence(out, &file.article, &file.article_source, &evidence_id(fi, ci, k), e);
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</article>\n");
}

fn evidence(out: &mut String, article: &str, src: &str, id: &str, e: &Evidence) {
    let place = format!(
        "{} <code>{}:{}:{}</code>",
        role_word(e.role),
        esc(article),
        e.span.line,
        e.span.column
    );
    let _ = write!(out, "<li class=\"role-{}\">", role_word(e.role));
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

/// The diff inline: equal words plain, the claim's words in `<del>`, the article's in `<ins>`,
/// the characters that differ inside them in `<b>`.
fn diff(out: &mut String, d: &Diff) {
    out.push_str("<p class=\"diff\"><span class=\"label\">diff:</span> ");
    let (mut eo, mut fo) = (0, 0);
    for ch in &d.changes {
        let len = ch.text.len();
        match ch.tag {
            Tag::Equal => {
                out.push_str(&esc(&ch.text));
                eo += len;
                fo += len;
            }
            Tag::Delete => {
                let _ = write!(
                    out,
                    "<del title=\"only in the claim\">{}</del>",
                    within(&d.expected, eo..eo + len, &ch.text, &d.expected_marks)
                );
                eo += len;
            }
            Tag::Insert => {
                let _ = write!(
                    out,
                    "<ins title=\"only in the article\">{}</ins>",
                    within(&d.found, fo..fo + len, &ch.text, &d.found_marks)
                );
                fo += len;
            }
        }
    }
    out.push_str("</p>\n");
}

/// `text`, which is `whole[at]`, with the parts of `marks` (ranges of `whole`) in `<b>`.
fn within(whole: &str, at: Range<usize>, text: &str, marks: &[Range<usize>]) -> String {
    if whole.get(at.clone()) != Some(text) {
        return esc(text);
    }
    let local: Vec<Range<usize>> = marks
        .iter()
        .filter(|m| m.start < at.end && at.start < m.end)
        .map(|m| m.start.max(at.start) - at.start..m.end.min(at.end) - at.start)
        .collect();
    marked(text, &local, "b")
}

/// The text with its marked ranges in `<tag>`, escaped; marks out of order or off character
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
        let _ = write!(out, "<{tag}>{}</{tag}>", esc(&text[m.clone()]));
        at = m.end;
    }
    out.push_str(&esc(&text[at..]));
    out
}
