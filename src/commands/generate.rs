//! The hidden `generate --dir DIR`: shell completions (bash, zsh, fish, elvish, PowerShell)
//! and man pages (cnictl.1 and one per subcommand), generated from the clap definitions so
//! they never drift from the real command line. A test regenerates them and compares.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::cli::Cli;

#[derive(Debug, Clone, Args)]
pub struct GenerateArgs {
    /// Where to write completions/ and man/
    #[arg(long, default_value = ".")]
    pub dir: PathBuf,
}

/// Examples for each page, as (description, command).
fn examples(page: &str) -> &'static [(&'static str, &'static str)] {
    match page {
        "cnictl" => &[
            (
                "Run a network through its whole lifecycle in a sandbox",
                "cnictl run --sandbox mynet",
            ),
            ("Attach a namespace made with ip netns add, as cnitool does", "cnictl add mynet blue"),
            ("See every plugin call", "cnictl --trace add mynet blue"),
            ("Which file would each runtime use?", "cnictl conf ls"),
        ],
        "cnictl-add" => &[
            (
                "Attach, with a port mapping through the portMappings capability",
                "cnictl add mynet blue --port-mapping 8080:80/tcp",
            ),
            (
                "Print exactly what cnitool prints",
                "cnictl -o cnitool add mynet /var/run/netns/blue",
            ),
        ],
        "cnictl-check" => {
            &[("Check an attachment with its cached result", "cnictl check mynet blue")]
        }
        "cnictl-del" => &[("Detach and drop the cache entry", "cnictl del mynet blue")],
        "cnictl-version" => &[("Which spec versions each plugin speaks", "cnictl version mynet")],
        "cnictl-run" => &[
            ("The whole loop, hermetic", "cnictl run --sandbox mynet"),
            ("Reach the gateway from inside", "cnictl run --sandbox mynet -- ping -c1 10.22.0.1"),
            ("Leave it set up to poke at", "cnictl run --sandbox --keep mynet"),
        ],
        "cnictl-status" => &[("Ask every plugin whether it is ready", "cnictl status mynet")],
        "cnictl-gc" => &[
            ("What would be collected", "cnictl gc mynet --valid-from-netns"),
            ("Collect, keeping one attachment", "cnictl gc mynet --valid 4f2a/eth0 --apply"),
        ],
        "cnictl-netns" => &[(
            "Make, list and remove namespaces",
            "cnictl netns create blue && cnictl netns ls && cnictl netns rm blue",
        )],
        "cnictl-inspect" => {
            &[("Links, addresses and routes of a namespace", "cnictl inspect blue")]
        }
        "cnictl-conf" => &[
            ("The directory, explained", "cnictl conf ls"),
            ("The stdin each plugin of mynet gets on ADD", "cnictl conf show mynet --request add"),
            ("Diagnostics", "cnictl conf lint"),
        ],
        "cnictl-cache" => {
            &[("Cached attachments of one network", "cnictl cache ls --network mynet")]
        }
        "cnictl-ipam" => &[("Stale host-local leases", "cnictl ipam leases mynet")],
        _ => &[],
    }
}

fn roff_escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('-', "\\-")
}

/// ENVIRONMENT, FILES, EXIT STATUS and EXAMPLES.
fn extra_sections(page: &str, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, ".SH ENVIRONMENT")?;
    for (name, what) in [
        ("NETCONFPATH", "configuration directory, as \\-\\-cni\\-conf\\-dir"),
        ("CNI_PATH", "plugin directories, colon\\-separated, as \\-\\-cni\\-bin\\-dir"),
        ("CNI_IFNAME", "interface name, as \\-i"),
        ("CNI_ARGS", "CNI_ARGS pairs, as \\-\\-args"),
        ("CAP_ARGS", "capability arguments as JSON, as \\-\\-cap\\-args"),
        ("NO_COLOR", "no colour under \\-\\-color auto"),
    ] {
        writeln!(out, ".TP\n\\fB{}\\fR\n{what}", roff_escape(name))?;
    }
    writeln!(out, ".SH FILES")?;
    for (path, what) in [
        (
            "/etc/cni/net.d",
            "network configurations (.conflist, .conf, .json) and drop\\-in folders",
        ),
        ("/opt/cni/bin", "plugin binaries (also /usr/libexec/cni, /usr/lib/cni)"),
        (
            "/var/lib/cni/results",
            "the result cache, shared with libcni, cnitool, containerd and CRI\\-O",
        ),
        ("/var/lib/cni/networks", "host\\-local IP leases"),
        ("/var/run/netns", "named network namespaces"),
        ("/run/cnictl/netns", "owners of the namespaces cnictl runs made, for netns gc"),
        ("/run/cnictl/created", "names made with netns create, to stay"),
    ] {
        writeln!(out, ".TP\n\\fI{}\\fR\n{what}", roff_escape(path))?;
    }
    writeln!(out, ".SH \"EXIT STATUS\"")?;
    for (code, what) in [
        ("0", "success"),
        ("1", "a plugin reported failure, does not support the selected version, or a run's check, command or leak check failed"),
        ("2", "usage or configuration error"),
        ("3", "environment: not root, a namespace or plugin binary missing, the cache unreadable"),
        ("4", "a plugin timed out, crashed, or broke the protocol"),
        ("130", "interrupted by SIGINT, SIGTERM or SIGHUP, after clean\\-up"),
    ] {
        writeln!(out, ".TP\n\\fB{code}\\fR\n{what}")?;
    }
    let examples = examples(page);
    if !examples.is_empty() {
        writeln!(out, ".SH EXAMPLES")?;
        for (what, cmd) in examples {
            writeln!(out, ".TP\n{}\n.B {}", roff_escape(what), roff_escape(cmd))?;
        }
    }
    if page != "cnictl" {
        writeln!(out, ".SH \"SEE ALSO\"\n\\fBcnictl\\fR(1)")?;
    }
    Ok(())
}

/// One page, with clap_mangen's sections and ours.
fn page(cmd: clap::Command, name: &str, dir: &Path) -> Result<()> {
    let man = clap_mangen::Man::new(cmd.clone().name(name.to_string()));
    let mut buf = Vec::new();
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    man.render_options_section(&mut buf)?;
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut buf)?;
    }
    extra_sections(name, &mut buf)?;
    man.render_version_section(&mut buf)?;
    fs::write(dir.join(format!("{name}.1")), buf)?;
    Ok(())
}

/// Every page: cnictl.1, cnictl-<sub>.1 and cnictl-<sub>-<subsub>.1.
fn pages(cmd: &clap::Command, name: &str, dir: &Path) -> Result<()> {
    page(cmd.clone(), name, dir)?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        pages(sub, &format!("{name}-{}", sub.get_name()), dir)?;
    }
    Ok(())
}

pub fn run(args: &GenerateArgs) -> Result<()> {
    let mut cmd = Cli::command();
    cmd.build();
    let completions = args.dir.join("completions");
    let man = args.dir.join("man");
    for dir in [&completions, &man] {
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::Elvish, Shell::PowerShell] {
        clap_complete::generate_to(shell, &mut cmd, "cnictl", &completions)
            .with_context(|| format!("writing {shell} completions"))?;
    }
    pages(&cmd, "cnictl", &man)?;
    Ok(())
}
