//! The hidden `generate --dir DIR`: shell completions (bash, zsh, fish, elvish, PowerShell)
//! and man pages (cnictl.1 and one per subcommand), generated from the clap definitions so
//! they never drift from the real command line. A test regenerates them and compares.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use clap::Args;
use clap_complete::Shell;

#[derive(Debug, Clone, Args)]
pub struct GenerateArgs {
    /// Where to write completions/ and man/
    #[arg(long, default_value = ".")]
    pub dir: PathBuf,
}

/// The examples of a page (`cnictl-conf-ls`), from the table `--help` prints too.
fn examples(page: &str) -> &'static [crate::cli::Example] {
    let path = page.strip_prefix("cnictl").unwrap_or(page).trim_start_matches('-');
    crate::cli::examples(&path.replace('-', " "))
}

fn roff_escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('-', "\\-")
}

/// ENVIRONMENT, FILES, EXIT STATUS, EXAMPLES and SEE ALSO (`see_also`: the pages named
/// there, all of which exist).
fn extra_sections(page: &str, see_also: &[String], out: &mut dyn Write) -> std::io::Result<()> {
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
    writeln!(
        out,
        ".PP\nInvoked as \\fBcnitool\\fR (a symlink), every failure exits 1, as cnitool does."
    )?;
    let examples = examples(page);
    if !examples.is_empty() {
        writeln!(out, ".SH EXAMPLES")?;
        for (what, cmd) in examples {
            writeln!(out, ".TP\n{}\n.B {}", roff_escape(what), roff_escape(cmd))?;
        }
    }
    if !see_also.is_empty() {
        let pages: Vec<String> =
            see_also.iter().map(|p| format!("\\fB{}\\fR(1)", roff_escape(p))).collect();
        writeln!(out, ".SH \"SEE ALSO\"\n{}", pages.join(", "))?;
    }
    Ok(())
}

/// The subcommands that get a page: not the hidden ones, and not clap's `help`, whose text
/// is the pages themselves.
fn documented(cmd: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help")
}

/// One page, with clap_mangen's sections and ours. `parent` is the page of the command
/// this one belongs to.
fn page(cmd: clap::Command, name: &str, parent: Option<&str>, dir: &Path) -> Result<()> {
    let mut see_also: Vec<String> = parent.into_iter().map(str::to_string).collect();
    if parent.is_some_and(|p| p != "cnictl") {
        see_also.insert(0, "cnictl".into());
    }
    see_also.extend(documented(&cmd).map(|s| format!("{name}-{}", s.get_name())));
    // clap_mangen lists every visible subcommand under SUBCOMMANDS: hide `help` there too.
    let mut cmd = cmd;
    if cmd.find_subcommand("help").is_some() {
        cmd = cmd.mut_subcommand("help", |h| h.hide(true));
    }
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
    extra_sections(name, &see_also, &mut buf)?;
    man.render_version_section(&mut buf)?;
    fs::write(dir.join(format!("{name}.1")), buf)?;
    Ok(())
}

/// Every page: cnictl.1, cnictl-<sub>.1 and cnictl-<sub>-<subsub>.1.
fn pages(cmd: &clap::Command, name: &str, parent: Option<&str>, dir: &Path) -> Result<()> {
    page(cmd.clone(), name, parent, dir)?;
    for sub in documented(cmd) {
        pages(sub, &format!("{name}-{}", sub.get_name()), Some(name), dir)?;
    }
    Ok(())
}

pub fn run(args: &GenerateArgs) -> Result<()> {
    let mut cmd = crate::cli::command();
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
    pages(&cmd, "cnictl", None, &man)?;
    Ok(())
}
