//! The command line, as clap definitions and nothing else. Doc comments are the help text;
//! the same definitions generate the completions and man pages.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::commands;

/// A debugger for CNI plugins: resolve network configurations the way the runtimes do, run
/// the real plugin binaries with ADD, CHECK, DEL and VERSION, and see every byte.
#[derive(Debug, Parser)]
#[command(
    name = "cnictl",
    version,
    max_term_width = 100,
    propagate_version = true,
    args_override_self = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes. A flag beats its environment variable, which beats the
/// default.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// Directory of network configurations (.conflist, .conf, .json)
    #[arg(
        long,
        env = "NETCONFPATH",
        default_value = "/etc/cni/net.d",
        global = true,
        value_name = "DIR"
    )]
    pub cni_conf_dir: PathBuf,

    /// Plugin directories, colon-separated, searched in order
    /// [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]
    #[arg(long, env = "CNI_PATH", global = true, value_name = "DIRS")]
    pub cni_bin_dir: Option<String>,

    /// Root of the result cache (results/ below it), as libcni's [default: /var/lib/cni;
    /// for `run`, a private temporary one]
    #[arg(long, global = true, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,

    /// Output format: readable tables, a JSON report, or exactly what cnitool prints
    #[arg(short, long, value_enum, default_value_t = Output::Table, global = true)]
    pub output: Output,

    /// Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time
    /// (on stderr; in the report with -o json)
    #[arg(long, global = true)]
    pub trace: bool,

    /// When to use colour (NO_COLOR is honoured under auto)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Time limit of each plugin call; the plugin and its children are killed after it
    #[arg(long, default_value = "60s", global = true, value_name = "DURATION",
          value_parser = crate::exec::parse_duration)]
    pub timeout: std::time::Duration,

    /// Give plugins cnictl's whole environment, as libcni does, instead of only CNI_* and
    /// PATH
    #[arg(long, global = true)]
    pub inherit_env: bool,

    /// Run plugins inside this network namespace (a name under /var/run/netns, or a path)
    /// instead of cnictl's own: a stand-in for the node
    #[arg(long, global = true, value_name = "NETNS")]
    pub host_netns: Option<String>,

    /// Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so
    /// IPAM state stays out of the node's
    #[arg(long, global = true, value_name = "DIR")]
    pub plugin_state_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Output {
    /// Readable tables
    Table,
    /// One JSON report on stdout
    Json,
    /// cnitool's output: the final result of ADD as JSON, nothing for other commands
    Cnitool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Attach a namespace to a network: ADD through the whole chain, then cache the result
    Add(commands::attach::AttachArgs),
    /// Check an attachment: CHECK through the chain with the cached result
    Check(commands::attach::AttachArgs),
    /// Detach: DEL through the chain in reverse with the cached result, then drop the cache
    Del(commands::attach::AttachArgs),
    /// Ask every plugin of a network (and its IPAM plugins) which spec versions it speaks
    Version(commands::version::VersionArgs),
    /// Garbage collection, safely: a dry run unless --apply, and never with an empty valid set
    /// unless --all
    Gc(commands::gc::GcArgs),
    /// STATUS of every plugin of a network (cniVersion 1.1.0 and later)
    Status(commands::status::StatusArgs),
    /// The whole loop in a throwaway namespace: VERSION, ADD, verify, CHECK, COMMAND, DEL,
    /// leak check, clean-up
    Run(commands::run::RunArgs),
    /// Network namespaces made the way `ip netns add` makes them
    Netns(commands::netns::NetnsArgs),
    /// The live links, addresses and routes of a namespace, read over netlink
    Inspect(commands::inspect::InspectArgs),
    /// The attachments cached in <cache-dir>/results, by cnictl or any runtime
    Cache(commands::cache::CacheArgs),
    /// host-local's IP leases, and which are stale
    Ipam(commands::ipam::IpamArgs),
    /// The configuration directory, explained: which file each runtime uses, and why
    Conf(commands::conf::ConfArgs),
    /// Write shell completions and man pages (for packagers)
    #[command(hide = true)]
    Generate(commands::generate::GenerateArgs),
}
