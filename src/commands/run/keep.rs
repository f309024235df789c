//! `--keep`: the run stops after ADD (and CHECK and COMMAND), leaves the namespaces, the
//! sandbox and the cache in place, and prints the exact commands that finish the job.

use std::time::Instant;

use anyhow::Result;

use super::{CacheRoot, Plan, Progress, Stage};
use crate::exec::Runner;
use crate::netns;
use crate::report::{Kept, StepOutcome};
use crate::sandbox::Sandbox;

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
    let cache_dir = match cache_root {
        CacheRoot::Temp(dir) => dir.keep(),
        other => other.path(),
    };
    let ctx = plan.ctx;
    let conf = format!("--cni-conf-dir {}", ctx.global.cni_conf_dir.display());
    let bins = format!("--cni-bin-dir {}", ctx.runner.cni_path());
    let placement = match (&host, &dir) {
        (Some(host), Some(dir)) => {
            format!(" --host-netns {host} --plugin-state-dir {}", dir.join("state").display())
        }
        _ => String::new(),
    };
    let mut finish = vec![format!(
        "cnictl {conf} {bins} --cache-dir {}{placement} del {} {} --container-id {} -i {}",
        cache_dir.display(),
        plan.list.name,
        ns.name,
        stage.att.container_id,
        stage.att.ifname
    )];
    let mut names = vec![ns.name.clone()];
    names.extend(host.clone());
    finish.push(format!("cnictl netns rm {}", names.join(" ")));
    let mut dirs: Vec<String> = dir.iter().map(|d| d.display().to_string()).collect();
    if !dir.as_ref().is_some_and(|d| cache_dir.starts_with(d)) {
        dirs.push(cache_dir.display().to_string());
    }
    finish.push(format!("rm -rf {}", dirs.join(" ")));
    p.step("keep", StepOutcome::Ok, Instant::now(), Some("namespaces left in place".into()));
    p.report.kept = Some(Kept { netns: ns.name.clone(), host_netns: host, dir, finish });
    p.finish(ctx, started)
}
