//! `--format json`: the result model as it is (see the wire format in `report/mod.rs`).
//!
//! Written file by file ([`Stream`]), so an archive run never holds more than one file's
//! results; the bytes are those of `serde_json`'s pretty printer over the whole [`Report`]
//! (tested).

use std::io::{self, Write};

use serde::Serialize;

use crate::report::{Report, SCHEMA, Summary};

pub(super) fn render(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let mut s = Stream::default();
    s.begin(w)?;
    for f in &report.files {
        s.separate(w)?;
        pretty(f, "    ", w)?;
    }
    s.end(&report.summary, w)
}

/// `{"schema", "files": [...], "summary"}`, one file at a time.
#[derive(Debug, Default, Clone)]
pub(super) struct Stream {
    files: usize,
}

impl Stream {
    pub(super) fn begin(&mut self, w: &mut dyn Write) -> io::Result<()> {
        write!(
            w,
            "{{\n  \"schema\": {},\n  \"files\": [",
            serde_json::to_string(SCHEMA)?
        )
    }

    /// What comes before the next file's object.
    pub(super) fn separate(&mut self, w: &mut dyn Write) -> io::Result<()> {
        w.write_all(if self.files == 0 { b"\n    " } else { b",\n    " })?;
        self.files += 1;
        Ok(())
    }

    pub(super) fn end(&mut self, s: &Summary, w: &mut dyn Write) -> io::Result<()> {
        if self.files > 0 {
            w.write_all(b"\n  ")?;
        }
        w.write_all(b"],\n  \"summary\": ")?;
        pretty(s, "  ", w)?;
        w.write_all(b"\n}\n")
    }
}

/// Pretty JSON nested `indent` deep: every line after the first indented (JSON strings
/// hold no raw line breaks, so every '\n' is the printer's).
pub(super) fn pretty(value: &impl Serialize, indent: &str, w: &mut dyn Write) -> io::Result<()> {
    let bytes = serde_json::to_vec_pretty(value)?;
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            w.write_all(b"\n")?;
            w.write_all(indent.as_bytes())?;
        }
        w.write_all(line)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::tests::seed;
    use crate::claims;
    use crate::engine;

    fn json(report: &Report) -> String {
        let mut out = Vec::new();
        render(report, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn streamed_bytes_are_serde_pretty_of_the_whole_report() {
        let Ok(claims::Loaded::Claims(file)) = claims::load(std::path::Path::new("claims/paris-coalition.yaml")) else {
            panic!("the shipped claim file loads");
        };
        let file = crate::compile::CompiledFile::new(*file);
        let article = seed();
        let one = engine::evaluate(&file, &article, &engine::Policy::default());
        for files in [vec![], vec![one.clone()], vec![one.clone(), one]] {
            let report = Report::new(files);
            let expected = serde_json::to_string_pretty(&report).unwrap() + "\n";
            assert_eq!(json(&report), expected);
        }
    }
}
