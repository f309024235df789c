//! `inspect`: the live links, addresses and routes of a namespace, read over netlink.

use anyhow::Result;
use clap::Args;

use super::Context;
use crate::exit::EnvironmentError;
use crate::report::inspect::InspectReport;

#[derive(Debug, Clone, Args)]
pub struct InspectArgs {
    /// Network namespace: a path, or a name under /var/run/netns
    pub netns: String,
}

pub fn run(ctx: &Context, args: &InspectArgs) -> Result<()> {
    let path = crate::netns::resolve(&args.netns);
    if let Err(e) = std::fs::metadata(&path) {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "it does not exist".to_string(),
            std::io::ErrorKind::PermissionDenied => {
                "permission denied: inspecting another process's namespace needs root".into()
            }
            _ => e.to_string(),
        };
        return Err(EnvironmentError(format!(
            "cannot open network namespace {}: {why}",
            path.display()
        ))
        .into());
    }
    let snapshot = crate::inspect::snapshot(Some(&path)).map_err(|e| {
        EnvironmentError(format!("reading {} over netlink: {e} (are you root?)", path.display()))
    })?;
    ctx.emit(&InspectReport { command: "inspect", snapshot })
}
