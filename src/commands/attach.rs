//! `add`, `check` and `del`: cnitool's commands, with its arguments, environment variables,
//! container-ID derivation and result cache, plus a report of what each plugin did.

use std::path::Path;
use std::time::Instant;

use anyhow::{Context as _, Result};
use clap::Args;
use serde_json::{Map, Value};
use sha2::{Digest, Sha512};

use super::Context;
use crate::cache::{self, Cache, Cached};
use crate::config::{self, NetworkConfigList};
use crate::exec::chain::{self, Attachment, ChainRun};
use crate::exec::Command;
use crate::exit::{Code, EnvironmentError, UsageError};
use crate::netns;
use crate::render;
use crate::report::{AttachmentReport, CacheReport, ConfigSummary, ErrorReport};
use crate::spec::{args as cni_args, validate, version::Version};

/// What identifies an attachment, and what it is given.
#[derive(Debug, Clone, Args)]
pub struct AttachArgs {
    /// Network name, looked up in the conf dir as libcni does (or a path to a file)
    pub network: String,
    /// Network namespace: a path, or a name under /var/run/netns
    pub netns: String,
    /// Interface name inside the namespace
    #[arg(short = 'i', long, env = "CNI_IFNAME", default_value = "eth0")]
    pub ifname: String,
    /// Container ID [default: cnitool's: "cnitool-" and 20 hex digits of the SHA-512 of the
    /// namespace path]
    #[arg(long, value_name = "ID")]
    pub container_id: Option<String>,
    #[command(flatten)]
    pub params: Params,
}

/// `CNI_ARGS` and capability arguments, shared by `add`, `check`, `del` and `run`.
#[derive(Debug, Clone, Default, Args)]
pub struct Params {
    /// CNI_ARGS, as KEY=VALUE pairs separated by ';'
    #[arg(long, env = "CNI_ARGS", value_name = "K=V;K=V")]
    pub args: Option<String>,
    /// Capability arguments as a JSON object, e.g. '{"portMappings":[...]}'
    #[arg(long, env = "CAP_ARGS", value_name = "JSON")]
    pub cap_args: Option<String>,
    /// Port mapping for the portMappings capability (repeatable)
    #[arg(long = "port-mapping", value_name = "[HOST_IP:]HOST_PORT:CONTAINER_PORT[/PROTO]")]
    pub port_mappings: Vec<String>,
    /// Static address for the ips capability (repeatable)
    #[arg(long = "ip", value_name = "CIDR")]
    pub ips: Vec<String>,
    /// MAC address for the mac capability
    #[arg(long, value_name = "MAC")]
    pub mac: Option<String>,
    /// Limits for the bandwidth capability, in bits per second and bits
    #[arg(long, value_name = "ingressRate=N,ingressBurst=N,egressRate=N,egressBurst=N")]
    pub bandwidth: Option<String>,
}

impl Params {
    /// The `CNI_ARGS` pairs.
    pub fn cni_args(&self) -> Result<Vec<(String, String)>, UsageError> {
        cni_args::parse(self.args.as_deref().unwrap_or("")).map_err(UsageError)
    }
}

/// cnitool's container ID: "cnitool-" and the hex of the first 10 bytes of the SHA-512 of
/// the namespace path (absolute, not symlink-resolved), so cache entries line up with it.
pub fn cnitool_container_id(netns_path: &str) -> String {
    let digest = Sha512::digest(netns_path.as_bytes());
    let hex: String = digest[..10].iter().map(|b| format!("{b:02x}")).collect();
    format!("cnitool-{hex}")
}

/// The capability arguments: `--cap-args` / CAP_ARGS, then the convenience flags on top.
pub fn capability_args(args: &Params) -> Result<Map<String, Value>, UsageError> {
    let mut caps = match args.cap_args.as_deref().map(str::trim) {
        None | Some("") => Map::new(),
        Some(text) => match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => map,
            Ok(_) => return Err(UsageError("--cap-args / CAP_ARGS must be a JSON object".into())),
            Err(e) => {
                return Err(UsageError(format!(
                    "--cap-args / CAP_ARGS is not valid JSON (column {}): {e}",
                    e.column()
                )))
            }
        },
    };
    if !args.port_mappings.is_empty() {
        let list: Vec<Value> =
            args.port_mappings.iter().map(|m| port_mapping(m)).collect::<Result<_, _>>()?;
        caps.insert("portMappings".into(), Value::Array(list));
    }
    if !args.ips.is_empty() {
        caps.insert("ips".into(), args.ips.iter().map(|s| Value::String(s.clone())).collect());
    }
    if let Some(mac) = &args.mac {
        caps.insert("mac".into(), Value::String(mac.clone()));
    }
    if let Some(spec) = &args.bandwidth {
        caps.insert("bandwidth".into(), bandwidth(spec)?);
    }
    Ok(caps)
}

/// `[HOST_IP:]HOST_PORT:CONTAINER_PORT[/PROTO]` to the portMappings convention's object.
fn port_mapping(text: &str) -> Result<Value, UsageError> {
    let bad = || {
        UsageError(format!(
            "invalid --port-mapping {text:?}: expected [HOST_IP:]HOST_PORT:CONTAINER_PORT[/tcp|udp|sctp]"
        ))
    };
    let (ports, protocol) = match text.rsplit_once('/') {
        Some((ports, proto)) if ["tcp", "udp", "sctp"].contains(&proto) => (ports, proto),
        Some(_) => return Err(bad()),
        None => (text, "tcp"),
    };
    let (host, container) = ports.rsplit_once(':').ok_or_else(bad)?;
    let (host_ip, host_port) = match host.rsplit_once(':') {
        Some((ip, port)) => (Some(ip.trim_start_matches('[').trim_end_matches(']')), port),
        None => (None, host),
    };
    let port = |p: &str| p.parse::<u16>().ok().filter(|n| *n > 0).ok_or_else(bad);
    let mut map = Map::new();
    map.insert("hostPort".into(), port(host_port)?.into());
    map.insert("containerPort".into(), port(container)?.into());
    map.insert("protocol".into(), protocol.into());
    if let Some(ip) = host_ip {
        map.insert("hostIP".into(), ip.into());
    }
    Ok(Value::Object(map))
}

fn bandwidth(text: &str) -> Result<Value, UsageError> {
    const KEYS: [&str; 4] = ["ingressRate", "ingressBurst", "egressRate", "egressBurst"];
    let mut map = Map::new();
    for item in text.split(',').filter(|s| !s.is_empty()) {
        let parsed = item
            .split_once('=')
            .and_then(|(k, v)| KEYS.iter().find(|key| **key == k).zip(v.parse::<u64>().ok()));
        let Some((key, value)) = parsed else {
            return Err(UsageError(format!(
                "invalid --bandwidth item {item:?}: expected KEY=NUMBER with KEY one of {}",
                KEYS.join(", ")
            )));
        };
        map.insert(key.to_string(), value.into());
    }
    Ok(Value::Object(map))
}

/// Everything decided before a plugin runs.
struct Plan {
    list: NetworkConfigList,
    summary: ConfigSummary,
    att: Attachment,
    cache_path: std::path::PathBuf,
}

fn plan(ctx: &Context, command: Command, args: &AttachArgs) -> Result<Plan> {
    let (list, how) = config::find_network(&ctx.global.cni_conf_dir, &args.network)?;
    let summary = ConfigSummary::new(&list, &how);
    let netns = netns::resolve(&args.netns).to_string_lossy().into_owned();
    let container_id = args.container_id.clone().unwrap_or_else(|| cnitool_container_id(&netns));
    let pairs = args.params.cni_args()?;
    let att = Attachment {
        container_id,
        netns,
        ifname: args.ifname.clone(),
        args: pairs,
        capability_args: capability_args(&args.params)?,
    };
    if command == Command::Add {
        // libcni validates these on ADD only.
        validate::identifier("network name", &list.name).map_err(UsageError)?;
        validate::identifier("container ID", &att.container_id).map_err(UsageError)?;
        validate::ifname(&att.ifname).map_err(UsageError)?;
    }
    for part in [&list.name, &att.container_id, &att.ifname] {
        if part.is_empty() || part.contains('/') {
            return Err(UsageError(format!(
                "network name, container ID and interface name must be non-empty and contain no \
                 '/' (the cache file is named after them): got {part:?}"
            ))
            .into());
        }
    }
    let cache_path = Cache::new(ctx.cache_dir()).path(&list.name, &att.container_id, &att.ifname);
    Ok(Plan { list, summary, att, cache_path })
}

pub fn require_root(command: &str) -> Result<(), EnvironmentError> {
    if nix::unistd::geteuid().is_root() {
        return Ok(());
    }
    Err(EnvironmentError(format!(
        "{command} needs root: plugins create interfaces, addresses and routes (CAP_NET_ADMIN \
         and CAP_SYS_ADMIN); run cnictl with sudo"
    )))
}

fn check_netns(
    command: Command,
    att: &Attachment,
    notes: &mut Vec<String>,
) -> Result<(), EnvironmentError> {
    match netns::state(Path::new(&att.netns)) {
        netns::State::Present => Ok(()),
        netns::State::Own => Err(EnvironmentError(format!(
            "{} is cnictl's own network namespace: plugins would configure the host itself. \
             Give the namespace of a container (e.g. one made with `ip netns add NAME`)",
            att.netns
        ))),
        netns::State::Missing if command == Command::Del => {
            notes.push(format!(
                "namespace {} does not exist; DEL runs anyway so plugins release what they hold",
                att.netns
            ));
            Ok(())
        }
        netns::State::Missing => Err(EnvironmentError(format!(
            "network namespace {} does not exist: create it with `ip netns add {}` or pass the \
             path of an existing one",
            att.netns,
            Path::new(&att.netns).file_name().map(|n| n.to_string_lossy()).unwrap_or_default()
        ))),
    }
}

/// Runs `add`, `check` or `del`.
pub fn run(ctx: &Context, command: Command, args: &AttachArgs) -> Result<()> {
    let started = Instant::now();
    let plan = plan(ctx, command, args)?;
    let Plan { list, summary, att, cache_path } = plan;
    let mut notes = Vec::new();
    require_root(&command.as_str().to_lowercase())?;
    check_netns(command, &att, &mut notes)?;
    let cache = Cache::new(ctx.cache_dir());
    let _mount_point = match &ctx.runner.placement.state_dir {
        Some(_) => Some(crate::sandbox::MountPointLock::take().map_err(|e| {
            EnvironmentError(format!("preparing /var/lib/cni as a mount point: {e}"))
        })?),
        None => None,
    };
    let version = Version::parse(&list.cni_version).map_err(UsageError)?;

    let mut report = AttachmentReport {
        command: match command {
            Command::Add => "add",
            Command::Check => "check",
            _ => "del",
        },
        config: summary,
        container_id: att.container_id.clone(),
        netns: att.netns.clone(),
        ifname: att.ifname.clone(),
        cni_args: att.args.clone(),
        capability_args: att.capability_args.clone(),
        plugins: Vec::new(),
        result: None,
        cache: None,
        notes: Vec::new(),
        error: None,
        duration_ms: 0.0,
        calls: None,
    };

    if command == Command::Check {
        if !version.has_check() {
            return Err(UsageError(format!(
                "{}: configuration version {} does not support CHECK (added in 0.4.0); raise \
                 cniVersion to 0.4.0 or later if every plugin supports it",
                list.source.display(),
                list.cni_version
            ))
            .into());
        }
        if list.disable_check {
            notes.push(
                "CHECK skipped: the configuration sets disableCheck, so runtimes never run it"
                    .into(),
            );
            report.notes = notes;
            report.duration_ms = started.elapsed().as_secs_f64() * 1000.0;
            return finish(ctx, &report, &ChainRun::default());
        }
    }

    // CHECK and DEL get the cached ADD result, converted to the list's version.
    let mut prev = None;
    if command == Command::Check || (command == Command::Del && version.has_check()) {
        let cached = cache
            .read(&cache_path, &list.cni_version)
            .with_context(|| format!("cannot read cache entry {}", cache_path.display()))
            .map_err(|e| EnvironmentError(format!("{e:#}")))?;
        let action = match &cached {
            Cached::Missing => {
                notes.push(match command {
                    Command::Check => format!(
                        "no cached result at {}: plugins get no prevResult and most fail CHECK \
                         (was ADD run with this container ID and ifname, and this --cache-dir?)",
                        cache_path.display()
                    ),
                    _ => "no cached result: DEL runs without prevResult".into(),
                });
                "missing"
            }
            Cached::Entry { .. } => "read",
            Cached::Legacy { .. } => "read-legacy",
            Cached::Corrupt { reason } if command == Command::Check => {
                return Err(EnvironmentError(format!(
                    "cache entry {} is unreadable ({reason}); CHECK needs it. Run `cnictl del` \
                     to detach, or remove the file",
                    cache_path.display()
                ))
                .into())
            }
            Cached::Corrupt { reason } => {
                notes.push(format!(
                    "cache entry is unreadable ({reason}); DEL runs without prevResult, as libcni does"
                ));
                "corrupt"
            }
        };
        report.cache = Some(CacheReport { path: cache_path.clone(), action });
        if let Some(result) = cached.result() {
            match result.convert(&list.cni_version) {
                Ok(converted) => prev = Some(converted),
                Err(e) if command == Command::Del => {
                    notes.push(format!("cached result not used: {e}"))
                }
                Err(e) => return Err(UsageError(format!("cached result: {e}")).into()),
            }
        }
    } else if command == Command::Del {
        notes.push(format!(
            "configuration version {} predates 0.4.0: DEL gets no prevResult, as libcni does",
            list.cni_version
        ));
    }

    let run = chain::run(&ctx.runner, &list, command, &att, prev.as_ref());
    report.plugins = run.steps.clone();
    report.result = match command {
        Command::Add => run.result.as_ref().map(|r| r.to_json()),
        _ => prev.as_ref().map(|r| r.to_json()),
    };

    if let Some((index, failure)) = &run.failure {
        // After a failed ADD the runtime owes a DEL (SPEC section 3); say which one.
        let del = format!(
            "cnictl del {} {} --container-id {} -i {}{}",
            args.network,
            att.netns,
            att.container_id,
            att.ifname,
            cache_dir_flag(ctx)
        );
        let hint = match run.calls.len() {
            _ if command != Command::Add => None,
            0 => None,
            1 => Some(format!("if the plugin left anything behind, clean up with: {del}")),
            _ => Some(format!("the plugins before it set things up; clean up with: {del}")),
        };
        report.error = Some(ErrorReport::from_failure(*index, failure, hint));
    } else {
        match command {
            Command::Add => {
                let result = run.result.as_ref().expect("a successful ADD has a result");
                let entry = cache::entry(&list.bytes, &list.name, &att, result);
                if let Err(e) = cache.write(&cache_path, &entry) {
                    let message = format!(
                        "every plugin succeeded but the result could not be cached at {}: {e}. \
                         Run `cnictl del` to undo the attachment, or fix --cache-dir",
                        cache_path.display()
                    );
                    report.error =
                        Some(ErrorReport::simple("environment", Code::Environment, message, None));
                } else {
                    report.cache =
                        Some(CacheReport { path: cache_path.clone(), action: "written" });
                }
            }
            Command::Del if cache.remove(&cache_path).unwrap_or(false) => {
                report.cache = Some(CacheReport { path: cache_path.clone(), action: "removed" });
            }
            _ => {}
        }
    }
    report.notes = notes;
    report.duration_ms = started.elapsed().as_secs_f64() * 1000.0;
    finish(ctx, &report, &run)?;
    match (&run.failure, &report.error) {
        (Some((index, failure)), _) => Err(anyhow::Error::new(failure.clone()).context(format!(
            "{} failed at plugin {} of {} ({})",
            command,
            index + 1,
            list.plugins.len(),
            list.plugins[*index].plugin_type
        ))),
        (None, Some(error)) => Err(EnvironmentError(error.message.clone()).into()),
        (None, None) => Ok(()),
    }
}

fn cache_dir_flag(ctx: &Context) -> String {
    match &ctx.global.cache_dir {
        Some(dir) => format!(" --cache-dir {}", dir.display()),
        None => String::new(),
    }
}

fn finish(ctx: &Context, report: &AttachmentReport, run: &ChainRun) -> Result<()> {
    ctx.trace_to_stderr(&run.calls)?;
    let cnitool = match (report.command, &report.error, &run.result) {
        ("add", None, Some(result)) => Some(result.to_cnitool_text()),
        _ => None,
    };
    let mut full = report.clone();
    full.calls = ctx.calls_for_report(&run.calls);
    ctx.emit(&full, |out, color| render::table::attachment(out, report, color), cnitool)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_id_matches_cnitool() {
        // `printf %s /var/run/netns/blue | sha512sum | cut -c1-20`
        assert_eq!(cnitool_container_id("/var/run/netns/blue"), "cnitool-296747069b8a02dc4e2a");
        assert_ne!(
            cnitool_container_id("/var/run/netns/blue"),
            cnitool_container_id("/run/netns/blue")
        );
    }

    fn args() -> Params {
        Params {
            args: None,
            cap_args: Some(
                r#"{"dns":{"nameservers":["10.0.0.53"]},"mac":"02:00:00:00:00:01"}"#.into(),
            ),
            port_mappings: vec!["8080:80".into(), "127.0.0.1:5353:53/udp".into()],
            ips: vec!["10.1.0.9/24".into()],
            mac: Some("02:00:00:00:00:02".into()),
            bandwidth: Some("ingressRate=1000000,egressBurst=2000".into()),
        }
    }

    #[test]
    fn flags_build_capability_args_on_top_of_cap_args() {
        let caps = capability_args(&args()).unwrap();
        assert_eq!(caps["dns"]["nameservers"][0], "10.0.0.53");
        assert_eq!(caps["mac"], "02:00:00:00:00:02");
        assert_eq!(
            caps["portMappings"][0],
            serde_json::json!({"hostPort":8080,"containerPort":80,"protocol":"tcp"})
        );
        assert_eq!(caps["portMappings"][1]["hostIP"], "127.0.0.1");
        assert_eq!(caps["portMappings"][1]["protocol"], "udp");
        assert_eq!(caps["ips"][0], "10.1.0.9/24");
        assert_eq!(caps["bandwidth"]["ingressRate"], 1_000_000);
    }

    #[test]
    fn bad_capability_flags_are_refused() {
        let mut a = args();
        a.port_mappings = vec!["80".into()];
        assert!(capability_args(&a).is_err());
        let mut a = args();
        a.bandwidth = Some("speed=1".into());
        assert!(capability_args(&a).is_err());
        let mut a = args();
        a.cap_args = Some("[1]".into());
        assert!(capability_args(&a).is_err());
    }
}
