//! `claimcheck schema`: the JSON Schema of the claim format, for YAML language servers.

use std::io::Write;

use super::{EXIT_PASS, Failure};

pub fn schema(out: &mut dyn Write) -> Result<i32, Failure> {
    let text = serde_json::to_string_pretty(&claimcheck::schema::schema()).map_err(std::io::Error::other)?;
    writeln!(out, "{text}")?;
    Ok(EXIT_PASS)
}
