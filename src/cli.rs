//! The command line, as clap definitions and nothing else. Doc comments are the help text;
//! the same definitions generate the completions and man pages.

use clap::{Parser, Subcommand};

use crate::commands::{self, Global};

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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Attach a namespace to a network: ADD through the whole chain, then cache the result
    Add(commands::attach::AddArgs),
    /// Check an attachment: CHECK through the chain with the cached result
    Check(commands::attach::AttachArgs),
    /// Detach: DEL through the chain in reverse with the cached result, then drop the cache
    Del(commands::attach::DelArgs),
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

impl Command {
    /// The command as a user types it (`add`, `conf ls`): the `command` of a JSON failure.
    pub fn name(&self) -> String {
        use commands::{cache::CacheAction, conf::ConfAction, netns::NetnsAction};
        let family = |f: &str, action: &str| format!("{f} {action}");
        match self {
            Command::Add(_) => "add".into(),
            Command::Check(_) => "check".into(),
            Command::Del(_) => "del".into(),
            Command::Version(_) => "version".into(),
            Command::Gc(_) => "gc".into(),
            Command::Status(_) => "status".into(),
            Command::Run(_) => "run".into(),
            Command::Inspect(_) => "inspect".into(),
            Command::Ipam(_) => "ipam leases".into(),
            Command::Generate(_) => "generate".into(),
            Command::Netns(args) => family(
                "netns",
                match args.action {
                    NetnsAction::Create { .. } => "create",
                    NetnsAction::Ls => "ls",
                    NetnsAction::Rm { .. } => "rm",
                    NetnsAction::Gc { .. } => "gc",
                },
            ),
            Command::Cache(args) => family(
                "cache",
                match args.action {
                    CacheAction::Ls { .. } => "ls",
                    CacheAction::Show { .. } => "show",
                    CacheAction::Rm { .. } => "rm",
                },
            ),
            Command::Conf(args) => family(
                "conf",
                match args.action {
                    ConfAction::Ls { .. } => "ls",
                    ConfAction::Show { .. } => "show",
                    ConfAction::Lint { .. } => "lint",
                },
            ),
        }
    }

    /// Whether the command lists things, and so takes `-o name`.
    pub fn lists(&self) -> bool {
        matches!(self.name().as_str(), "conf ls" | "netns ls" | "cache ls")
    }
}
