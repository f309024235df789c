//! Tables for `record install | uninstall | status | ls` and the full view of `record show`
//! (the `--trace` renderer, after a header of who called and how the call is linked).

use std::io::{self, Write};

use owo_colors::Style as Paint;

use super::table::*;
use super::{paint, Render, Style};
use crate::exec::{Command, Invocation};
use crate::report::record::{InstallReport, ListReport, ShowReport, StatusReport, UninstallReport};

fn bold(style: &Style, text: &str) -> String {
    paint(style.color, text, Paint::new().bold())
}

impl Render for InstallReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        let m = &self.marker;
        writeln!(out, "{} {}", bold(style, "shims"), self.shim_dir.display())?;
        writeln!(out, "  log        {}", m.log_dir.display())?;
        let redact = if m.redact { m.redact_keys.join(",") } else { "off".into() };
        writeln!(out, "  redact     {redact}")?;
        let mut t = Grid::new(style, [Col::new("shim").keep(), Col::new("runs").tail()]);
        for (name, path) in &self.plugins {
            t.row([name.clone(), path.display().to_string()]);
        }
        t.section(out, "Plugins")?;
        writeln!(
            out,
            "\n{}",
            paint(style.color, "Put the shims first", Paint::new().bold().underline())
        )?;
        if self.runtimes.iter().all(|h| !h.found) {
            writeln!(out, "  (none of these runtimes' files is on this node)")?;
        }
        for h in &self.runtimes {
            writeln!(out, "  {} ({}), in {}:", h.runtime, h.file.display(), h.section)?;
            writeln!(out, "    {}", h.line)?;
        }
        writeln!(
            out,
            "\nthen restart the runtime; `cnictl record ls --log-dir {}` shows the calls",
            m.log_dir.display()
        )
    }
}

impl Render for UninstallReport {
    fn table(&self, out: &mut dyn Write, _style: &Style) -> io::Result<()> {
        writeln!(out, "removed {} shims from {}", self.removed.len(), self.shim_dir.display())?;
        for kept in &self.kept {
            writeln!(out, "  left alone: {kept}")?;
        }
        if self.dir_removed {
            writeln!(out, "removed {}", self.shim_dir.display())?;
        }
        writeln!(out, "the log stays in {}", self.log_dir.display())
    }
}

impl Render for StatusReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        writeln!(out, "{} {}", bold(style, "shims"), self.shim_dir.display())?;
        match &self.installed {
            None => writeln!(out, "  not installed (no {})", crate::record::MARKER)?,
            Some(i) => {
                let dirs: Vec<String> =
                    i.marker.bin_dirs.iter().map(|d| d.display().to_string()).collect();
                writeln!(out, "  bin dirs   {}", dirs.join(":"))?;
                let ok = i.links.iter().filter(|(_, s)| s.as_str() == "ok").count();
                writeln!(out, "  shims      {ok} of {} ok", i.links.len())?;
                for (name, state) in i.links.iter().filter(|(_, s)| s.as_str() != "ok") {
                    writeln!(out, "    {name}: {state}")?;
                }
                if !i.unlinked.is_empty() {
                    writeln!(
                        out,
                        "  no shim    {} (not recorded: run record install again)",
                        i.unlinked.join(" ")
                    )?;
                }
            }
        }
        let log = &self.log;
        writeln!(out, "{} {}", bold(style, "log"), log.dir.display())?;
        if !log.exists {
            return writeln!(out, "  (no such directory)");
        }
        writeln!(out, "  records    {}", log.records)?;
        writeln!(out, "  size       {} bytes in {} files", log.bytes, log.files.len())?;
        if log.broken > 0 {
            writeln!(out, "  broken     {} lines are not records", log.broken)?;
        }
        for line in &log.problems {
            writeln!(out, "  problem    {line}")?;
        }
        Ok(())
    }
}

impl Render for ListReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        if !style.no_headers {
            writeln!(out, "{} {}", bold(style, "log"), self.dir.display())?;
        }
        let cols = [
            Col::new("id").keep().priority(3),
            Col::new("time").keep().priority(1),
            Col::new("command").keep().priority(2),
            Col::new("network").keep().priority(2),
            Col::new("container").head().priority(1),
            Col::new("ifname").keep().priority(1),
            Col::new("plugin").keep().priority(3),
            Col::new("outcome").wrap().priority(2),
            Col::new("duration").keep().priority(1),
            Col::new("parent").keep(),
        ];
        let mut t = Grid::new(style, cols);
        for c in &self.calls {
            let outcome = if c.outcome.detail.is_empty() {
                c.outcome.kind.to_string()
            } else {
                format!("{} {}", c.outcome.kind, c.outcome.detail)
            };
            // A delegated call is indented under the call it came from.
            let plugin =
                if c.parent.is_some() { format!("└ {}", c.plugin) } else { c.plugin.clone() };
            t.row([
                c.id.clone(),
                c.time.get(..23).unwrap_or(&c.time).replace('T', " "),
                c.command.clone().unwrap_or_default(),
                c.network.clone().unwrap_or_default(),
                c.container_id.clone().unwrap_or_default(),
                c.ifname.clone().unwrap_or_default(),
                plugin,
                outcome,
                format!("{:.1}ms", c.duration_ms),
                c.parent.clone().unwrap_or_default(),
            ]);
        }
        t.put(out)?;
        if !style.no_headers {
            writeln!(out, "{} calls", self.calls.len())?;
            if !self.broken.is_empty() {
                writeln!(
                    out,
                    "{} lines are not records: {}",
                    self.broken.len(),
                    self.broken.join("; ")
                )?;
            }
        }
        Ok(())
    }

    fn names(&self) -> Option<Vec<String>> {
        Some(self.calls.iter().map(|c| c.id.clone()).collect())
    }
}

impl Render for ShowReport {
    fn table(&self, out: &mut dyn Write, style: &Style) -> io::Result<()> {
        let r = &self.record;
        let line = |out: &mut dyn Write, k: &str, v: &str| -> io::Result<()> {
            if v.is_empty() {
                return Ok(());
            }
            writeln!(out, "  {k:<12}{v}")
        };
        writeln!(out, "{} {}", bold(style, "call"), r.id)?;
        line(out, "time", &r.time)?;
        line(out, "command", r.command.as_deref().unwrap_or("(no CNI_COMMAND)"))?;
        let outcome = format!("{} {}", self.outcome.kind, self.outcome.detail);
        line(out, "outcome", outcome.trim_end())?;
        line(out, "network", r.network.as_deref().unwrap_or_default())?;
        line(out, "container", r.container_id.as_deref().unwrap_or_default())?;
        line(out, "ifname", r.ifname.as_deref().unwrap_or_default())?;
        line(out, "netns", r.netns.as_deref().unwrap_or_default())?;
        line(out, "plugin", &r.plugin)?;
        let path = r.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
        line(out, "ran", &path)?;
        line(out, "sha256", r.sha256.as_deref().unwrap_or_default())?;
        let caller =
            format!("{} (pid {}): {}", r.caller.comm, r.caller.pid, r.caller.cmdline.join(" "));
        line(out, "caller", &caller)?;
        line(out, "parent", self.parent.as_deref().unwrap_or_default())?;
        line(out, "children", &self.children.join(" "))?;
        line(out, "redacted", &r.redacted.join(" "))?;
        for (what, s) in [("stdin", &r.stdin), ("stdout", &r.stdout), ("stderr", &r.stderr)] {
            if s.truncated {
                line(
                    out,
                    what,
                    &format!("cut: {} bytes crossed, the log kept the first", s.bytes),
                )?;
            }
        }
        writeln!(out)?;
        let command = r
            .command
            .as_deref()
            .and_then(|c| serde_json::from_value::<Command>(serde_json::json!(c)).ok())
            .unwrap_or(Command::Version);
        let call = Invocation {
            plugin: r.plugin.clone(),
            path: r.path.clone().unwrap_or_else(|| r.shim.clone()),
            command,
            env: r.env.clone(),
            stdin: r.stdin.lossy(),
            stdout: r.stdout.lossy(),
            stderr: r.stderr.lossy(),
            exit: r.exit.clone(),
            duration_ms: r.duration_ms,
            stdout_bytes: r.stdout.bytes,
            stderr_bytes: r.stderr.bytes,
            survivors: Vec::new(),
        };
        super::trace::calls(out, std::slice::from_ref(&call), style.color)
    }
}
