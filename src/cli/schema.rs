//! `claimcheck schema`: the JSON Schema of the claim format, for YAML language servers; with
//! `--batch`, the schema of `claimcheck batch`'s records.

use std::io::Write;

use clap::Args;

use super::{EXIT_PASS, Failure};

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Print the schema of a `claimcheck batch` record (claimcheck-batch/1) instead.
    #[arg(long)]
    batch: bool,
}

pub fn schema(a: &SchemaArgs, out: &mut dyn Write) -> Result<i32, Failure> {
    let schema = match a.batch {
        true => claimcheck::batch::schema(),
        false => claimcheck::schema::schema(),
    };
    let text = serde_json::to_string_pretty(&schema).map_err(std::io::Error::other)?;
    writeln!(out, "{text}")?;
    Ok(EXIT_PASS)
}
