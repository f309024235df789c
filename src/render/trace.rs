//! The raw trace of plugin calls: for each, the binary, the command, the environment
//! given, stdin (pretty JSON), stdout, stderr, how it ended and how long it took.

use std::io::{self, Write};

use owo_colors::Style as Paint;

use super::paint;
use crate::exec::{Exit, Invocation};

/// Pretty-prints JSON text; anything else is returned as it is.
fn pretty(text: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(value) if !text.trim().is_empty() => {
            serde_json::to_string_pretty(&value).unwrap_or_else(|_| text.to_string())
        }
        _ => text.to_string(),
    }
}

fn block(out: &mut dyn Write, color: bool, label: &str, text: &str) -> io::Result<()> {
    let head = paint(color, label, Paint::new().bold());
    if text.trim().is_empty() {
        return writeln!(out, "{head} (empty)");
    }
    writeln!(out, "{head}")?;
    for line in text.trim_end_matches('\n').lines() {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

/// Writes every call.
pub fn calls(out: &mut dyn Write, calls: &[Invocation], color: bool) -> io::Result<()> {
    for (n, call) in calls.iter().enumerate() {
        let ok = matches!(call.exit, Exit::Code(0));
        let status = paint(
            color,
            &call.exit.to_string(),
            if ok { Paint::new().green() } else { Paint::new().red().bold() },
        );
        let title = format!(
            "--- call {}/{}: {} {} ({})",
            n + 1,
            calls.len(),
            call.command,
            call.plugin,
            call.path.display()
        );
        writeln!(
            out,
            "{} --- {status}, {:.1}ms",
            paint(color, &title, Paint::new().cyan().bold()),
            call.duration_ms
        )?;
        let env: Vec<String> = call.env.iter().map(|(k, v)| format!("{k}={v}")).collect();
        block(out, color, "env:", &env.join("\n"))?;
        block(out, color, "stdin:", &pretty(&call.stdin))?;
        block(out, color, "stdout:", &call.stdout)?;
        block(out, color, "stderr:", &call.stderr)?;
    }
    Ok(())
}
