//! `--format json`: the result model as it is (see the wire format in `report/mod.rs`).

use std::io::{self, Write};

use crate::report::Report;

pub fn render(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, report)?;
    writeln!(w)
}
