//! Hover: on a claim in a claim file, its verdict against each article it checks, the
//! explanation step by step (what `claimcheck explain` prints) and the evidence sentence; on
//! an article, the claims whose evidence is under the cursor.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::check::Checked;
use super::diagnostics::claim_range;
use super::positions::Encoding;
use super::workspace::{ClaimSource, Open, Workspace};
use crate::article::Article;
use crate::compile::CompiledFile;
use crate::engine::{self, Policy};

/// The claim at a 0-based line of its file: the last one starting at or before it.
pub fn claim_at(file: &CompiledFile, line: u32) -> Option<usize> {
    file.claims.iter().rposition(|c| c.line <= line as usize + 1)
}

/// Hover on a claim file. `checked` are the open articles' last checks (a mapped claim file
/// checks those too).
pub fn on_claim_file(
    ws: &Workspace,
    open: &Open,
    path: &Path,
    pos: Position,
    checked: &[Arc<Checked>],
) -> Option<Hover> {
    let ClaimSource::Loaded(file) = &*ws.load(path, open) else {
        return None;
    };
    let index = claim_at(file, pos.line)?;
    let mut articles: Vec<PathBuf> = file.article.iter().map(|a| super::workspace::clean(a)).collect();
    for c in checked {
        if !articles.contains(&c.path) && c.files.iter().any(|f| f.path == path) {
            articles.push(c.path.clone());
        }
    }
    let claim = &file.claims[index];
    let mut md = format!("**`{}`** {}\n", claim.id, claim.claim);
    if articles.is_empty() {
        md.push_str("\nThis claim file names no article (`article:`), and no open article is mapped to it.\n");
    }
    for a in &articles {
        md.push_str(&against(ws, open, file, index, a));
    }
    Some(markdown(md))
}

/// One claim's verdict, explanation and evidence against one article.
fn against(ws: &Workspace, open: &Open, file: &CompiledFile, index: usize, path: &Path) -> String {
    let shown = ws.shown(path);
    let bytes = match open.get(path) {
        Some(o) => o.text.as_bytes().to_vec(),
        None => match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return format!("\n`{shown}`: cannot read: {e}\n"),
        },
    };
    let article = match Article::read(shown.clone(), bytes, None) {
        Ok(a) => a,
        Err(_) => return format!("\n`{shown}`: not read (see the article's diagnostics)\n"),
    };
    let result = engine::evaluate_claim(file, index, &article, &Policy::default());
    let mut md = format!(
        "\n---\n**{}** in `{shown}`: {}\n",
        result.verdict.as_str(),
        result.explanation
    );
    if let Some(d) = &result.diff {
        let _ = write!(md, "\n- expected: {}\n- found: {}\n", d.expected, d.found);
    }
    if let Some(e) = result.evidence.first().or(result.nearest.as_deref()) {
        let _ = write!(
            md,
            "\n{} at {}:{}:\n> {}\n",
            e.role.as_str(),
            e.span.line,
            e.span.column,
            e.sentence
        );
    }
    let mut why = Vec::new();
    if crate::explain::explain(file, index, &article, &mut why).is_ok() {
        let _ = write!(md, "\n```text\n{}```\n", String::from_utf8_lossy(&why));
    }
    md
}

/// Hover on an article: every claim whose diagnostic covers the position.
pub fn on_article(checked: &Checked, pos: Position, enc: Encoding) -> Option<Hover> {
    let at = checked.index.offset(&checked.text, pos, enc);
    let mut md = String::new();
    for (f, report) in checked.files.iter().zip(&checked.reports) {
        for c in &report.claims {
            if claim_range(c).is_some_and(|r| r.start <= at && at <= r.end) {
                let _ = writeln!(
                    md,
                    "**{}** `{}` ({}:{}): {}  \n{}\n",
                    c.verdict.as_str(),
                    c.id,
                    f.shown,
                    c.line,
                    c.claim,
                    c.explanation
                );
            }
        }
    }
    (!md.is_empty()).then(|| markdown(md))
}

fn markdown(value: String) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: None,
    }
}
