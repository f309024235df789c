//! The command line: the clap definitions, and [`command`], the one place that adds what
//! derive cannot say (the examples, the dynamic completers). Doc comments are the help text;
//! parsing, `--help`, the completions and the man pages all go through [`command`].

mod examples;

use std::ffi::{OsStr, OsString};

use clap::{CommandFactory as _, FromArgMatches as _, Parser, Subcommand};
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};

use crate::commands::completion::{cache_entries, namespaces, networks};
use crate::commands::{self, Global};

pub use examples::{examples, Example};

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
    ///
    /// The container namespace is made for the run and removed after it, with a private
    /// temporary cache dir (unless --cache-dir is given); its container ID is the
    /// namespace's name. Without --sandbox the plugins act on this node itself: host-side
    /// plugins change its network namespace and host-local leases in /var/lib/cni, and DEL
    /// undoes what they made. With --sandbox they run in a throwaway host namespace with a
    /// private /var/lib/cni. DEL runs whenever ADD was attempted, and Ctrl-C ends the run
    /// through the same clean-up.
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
    /// What a real runtime sends each plugin: recording shims in front of the real
    /// plugins, and the log of every call
    Record(commands::record::RecordArgs),
    /// Print the shell completion script, with network, namespace and cache entry names
    #[command(long_about = COMPLETION_ABOUT)]
    Completion(commands::completion::CompletionArgs),
    /// Write shell completions and man pages (for packagers)
    #[command(hide = true)]
    Generate(commands::generate::GenerateArgs),
}

impl Command {
    /// The command as a user types it (`add`, `conf ls`): the `command` of a JSON failure.
    pub fn name(&self) -> String {
        use commands::record::RecordAction;
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
            Command::Completion(_) => "completion".into(),
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
            Command::Record(args) => family(
                "record",
                match args.action {
                    RecordAction::Install { .. } => "install",
                    RecordAction::Uninstall { .. } => "uninstall",
                    RecordAction::Status { .. } => "status",
                    RecordAction::Ls { .. } => "ls",
                    RecordAction::Show { .. } => "show",
                },
            ),
        }
    }

    /// Whether the command lists things, and so takes `-o name`.
    pub fn lists(&self) -> bool {
        matches!(self.name().as_str(), "conf ls" | "netns ls" | "cache ls" | "record ls")
    }
}

const COMPLETION_ABOUT: &str = "\
Print the shell completion script, with network, namespace and cache entry names.

The script calls cnictl back on every TAB (with COMPLETE=<shell> set), so it completes the \
names of the networks in the conf dir in effect (--cni-conf-dir, NETCONFPATH or \
/etc/cni/net.d), the namespaces under /var/run/netns and the entries under \
<cache-dir>/results. To enable it, load it from the shell's startup file:

  bash:        echo 'source <(cnictl completion bash)' >> ~/.bashrc
  zsh:         echo 'source <(cnictl completion zsh)' >> ~/.zshrc
  fish:        echo 'cnictl completion fish | source' >> ~/.config/fish/config.fish
  elvish:      echo 'eval (cnictl completion elvish | slurp)' >> ~/.config/elvish/rc.elv
  powershell:  cnictl completion powershell | Out-String | Invoke-Expression

`source <(COMPLETE=bash cnictl)` is the same script. Generating it at shell start keeps it \
in step with the installed cnictl. --static prints the fixed script packages install \
(subcommands and options only).";

/// A dynamic completer of argument values.
type Completer = fn(&OsStr) -> Vec<CompletionCandidate>;

/// Which argument of which command completes with what: (command path, arg id, completer).
/// `run` is here too, so its definitions need not know about completion. A test checks that
/// every entry names an argument that exists.
pub const COMPLETERS: &[(&str, &str, Completer)] = &[
    ("", "host_netns", namespaces),
    ("add", "network", networks),
    ("add", "netns", namespaces),
    ("check", "network", networks),
    ("check", "netns", namespaces),
    ("del", "network", networks),
    ("del", "netns", namespaces),
    ("version", "network", networks),
    ("gc", "network", networks),
    ("gc", "netns", namespaces),
    ("status", "network", networks),
    ("status", "netns", namespaces),
    ("run", "network", networks),
    ("inspect", "netns", namespaces),
    ("netns rm", "names", namespaces),
    ("cache ls", "network", networks),
    ("cache show", "entry", cache_entries),
    ("cache rm", "entries", cache_entries),
    ("ipam leases", "network", networks),
    ("conf show", "network", networks),
    ("conf show", "netns", namespaces),
];

/// The whole command line: the derived definitions with each command's examples after its
/// help and the dynamic completers on the arguments that name things.
pub fn command() -> clap::Command {
    decorate(Cli::command(), "")
}

fn decorate(mut cmd: clap::Command, path: &str) -> clap::Command {
    let examples = examples(path);
    if !examples.is_empty() {
        cmd = cmd.after_help(examples::help_text(examples));
    }
    // In place: `mut_arg` would move the argument to the end and so renumber positionals.
    cmd = cmd.mut_args(|arg| {
        let completer = COMPLETERS.iter().find(|(p, id, _)| *p == path && arg.get_id() == *id);
        match completer {
            Some((_, _, completer)) => arg.add(ArgValueCompleter::new(*completer)),
            None => arg,
        }
    });
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        let sub_path = if path.is_empty() { name.clone() } else { format!("{path} {name}") };
        cmd = cmd.mut_subcommand(&name, |sub| decorate(sub, &sub_path));
    }
    cmd
}

/// Parses a command line (the program name first).
///
/// A failure's usage line names only what was typed: clap also lists options whose value
/// came from the environment (`NETCONFPATH`, `CNI_PATH`, ...) as if they were required
/// (`cnictl add --cni-conf-dir <DIR> --cni-bin-dir <DIRS> <NETWORK> <NETNS>`), so the
/// error is made again with those options hidden from usage. Hiding changes no parsing.
pub fn try_parse_from(args: &[OsString]) -> Result<Cli, clap::Error> {
    let mut cmd = command();
    let matches = match cmd.try_get_matches_from_mut(args) {
        Ok(matches) => matches,
        Err(err) if err.use_stderr() => {
            let again = hide_env_args(command()).try_get_matches_from(args);
            return Err(match again {
                Err(usage) if usage.kind() == err.kind() => usage,
                _ => err,
            });
        }
        Err(err) => return Err(err),
    };
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
}

/// Hides, in every command, the arguments whose environment variable is set.
fn hide_env_args(cmd: clap::Command) -> clap::Command {
    cmd.mut_args(|arg| {
        let from_env = arg.get_env().is_some_and(|name| std::env::var_os(name).is_some());
        if from_env {
            arg.hide(true)
        } else {
            arg
        }
    })
    .mut_subcommands(hide_env_args)
}
