//! `--keep`: the run stops after ADD (and CHECK and COMMAND), leaves the namespaces, the
//! sandbox and the cache in place, and prints the exact commands that finish the job.

use std::time::Instant;

use anyhow::Result;

use super::{CacheRoot, Plan, Progress, Stage};
use crate::netns;
use crate::report::{Kept, StepOutcome};
use crate::sandbox::Sandbox;
use crate::shell;

/// Leaves everything and says how to finish.
pub(super) fn keep(
    mut p: Progress,
    plan: &Plan,
    stage: &Stage,
    mut ns: netns::Guard,
    sandbox: Option<Sandbox>,
    cache_root: CacheRoot,
    started: Instant,
) -> Result<()> {
    ns.keep();
    let (host, dir) = match sandbox {
        Some(sandbox) => {
            let (host, dir) = sandbox.keep();
            (Some(host), Some(dir))
        }
        None => (None, None),
    };
    // Only a cache dir the run made itself is cnictl's to remove; one given with
    // --cache-dir stays out of the `rm`.
    let (cache_dir, made_cache) = match cache_root {
        CacheRoot::Temp(dir) => (dir.keep(), true),
        other => (other.path(), false),
    };
    let ctx = plan.ctx;
    let state = dir.as_ref().map(|d| d.join("state"));
    let placement = host.as_deref().zip(state.as_deref());
    let mut del = vec!["cnictl".to_string()];
    del.extend(ctx.global_argv(Some(&cache_dir), placement));
    del.extend([
        "del".into(),
        plan.list.source.display().to_string(),
        ns.path.display().to_string(),
    ]);
    del.extend(["--container-id".into(), stage.att.container_id.clone()]);
    del.extend(["-i".into(), stage.att.ifname.clone()]);
    let mut names = vec!["cnictl".to_string(), "netns".into(), "rm".into(), ns.name.clone()];
    names.extend(host.clone());
    let mut rm = vec!["rm".to_string(), "-rf".into()];
    rm.extend(dir.iter().map(|d| d.display().to_string()));
    if made_cache && !dir.as_ref().is_some_and(|d| cache_dir.starts_with(d)) {
        rm.push(cache_dir.display().to_string());
    }
    let mut finish = vec![shell::join(&del), shell::join(&names)];
    if rm.len() > 2 {
        finish.push(shell::join(&rm));
    }
    p.step("keep", StepOutcome::Ok, Instant::now(), Some("namespaces left in place".into()));
    p.report.kept = Some(Kept { netns: ns.name.clone(), host_netns: host, dir, finish });
    p.finish(ctx, started)
}
