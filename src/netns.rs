//! Network namespaces as cnictl's commands name them: a path, or a bare name meaning
//! `/var/run/netns/<name>` (where `ip netns add` puts them). The path handed to plugins is
//! made absolute and cleaned but not symlink-resolved, as cnitool does, so the container ID
//! derived from it matches cnitool's.

use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Component, Path, PathBuf};

/// Where named namespaces live.
pub const NETNS_RUN_DIR: &str = "/var/run/netns";

/// Turns a NETNS argument into the path given to plugins in `CNI_NETNS`.
pub fn resolve(arg: &str) -> PathBuf {
    if !arg.contains('/') {
        return Path::new(NETNS_RUN_DIR).join(arg);
    }
    let path = Path::new(arg);
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/")).join(path)
    };
    clean(&absolute)
}

/// Lexical cleaning like Go's `filepath.Clean`: no `.`, no `..`, no doubled separators.
pub fn clean(path: &Path) -> PathBuf {
    let mut out = PathBuf::from("/");
    for part in path.components() {
        match part {
            Component::Normal(name) => out.push(name),
            Component::ParentDir => {
                out.pop();
            }
            Component::RootDir | Component::CurDir | Component::Prefix(_) => {}
        }
    }
    out
}

/// What is at a NETNS path, for the checks made before plugins run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    Missing,
    /// The same namespace cnictl itself runs in: plugins would configure the host.
    Own,
    Present,
    /// Something that is not a network namespace (a regular file, another kind of
    /// namespace): what it is.
    NotNetns(String),
    /// It exists, but cnictl may not open it: the reason.
    Unreadable(String),
}

pub fn state(path: &Path) -> State {
    use std::os::unix::fs::FileTypeExt;
    let target = match std::fs::metadata(path) {
        Ok(target) => target,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return State::Missing,
        Err(e) => return State::Unreadable(e.to_string()),
    };
    if let Ok(own) = std::fs::metadata("/proc/self/ns/net") {
        if own.dev() == target.dev() && own.ino() == target.ino() {
            return State::Own;
        }
    }
    let kind = target.file_type();
    let what = if kind.is_dir() {
        "a directory"
    } else if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else {
        "a file"
    };
    if !kind.is_file() {
        return State::NotNetns(what.into());
    }
    // O_NONBLOCK: opening must never wait, whatever the file turns out to be.
    let file =
        match std::fs::OpenOptions::new().read(true).custom_flags(nix::libc::O_NONBLOCK).open(path)
        {
            Ok(file) => file,
            Err(e) => return State::Unreadable(e.to_string()),
        };
    match namespace_type(&file) {
        Some(kind) if kind == nix::libc::CLONE_NEWNET => State::Present,
        Some(_) => State::NotNetns("another kind of namespace".into()),
        None => State::NotNetns(what.into()),
    }
}

/// The kind of namespace an open file is (`CLONE_NEW*`), or none for a file that is not a
/// namespace (not on nsfs).
fn namespace_type(file: &std::fs::File) -> Option<i32> {
    use std::os::fd::AsRawFd;
    let fs = nix::sys::statfs::fstatfs(file).ok()?;
    if fs.filesystem_type() != nix::sys::statfs::NSFS_MAGIC {
        return None;
    }
    const NS_GET_NSTYPE: nix::libc::c_ulong = 0xb703;
    // SAFETY: NS_GET_NSTYPE takes no argument and only reads the descriptor, which is open
    // for the length of the call.
    #[allow(unsafe_code)]
    let kind = unsafe { nix::libc::ioctl(file.as_raw_fd(), NS_GET_NSTYPE as _) };
    (kind >= 0).then_some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_paths() {
        assert_eq!(resolve("blue"), PathBuf::from("/var/run/netns/blue"));
        assert_eq!(resolve("/run/netns/blue"), PathBuf::from("/run/netns/blue"));
        assert_eq!(resolve("/var/run//netns/./x/../blue"), PathBuf::from("/var/run/netns/blue"));
        assert!(resolve("./here").is_absolute());
    }

    #[test]
    fn own_namespace_is_recognised() {
        assert_eq!(state(Path::new("/proc/self/ns/net")), State::Own);
        assert_eq!(state(Path::new("/nonexistent/ns")), State::Missing);
    }
}

// ---------------------------------------------------------------------------------------
// Namespaces cnictl makes.

/// Where cnictl notes who owns the namespaces it made (tmpfs: gone at reboot, like them).
pub const OWNER_DIR: &str = "/run/cnictl/netns";

/// The prefix of every namespace name cnictl makes up.
pub const PREFIX: &str = "cnictl-";

/// Who made a namespace, and what for: written next to it so `netns gc` can tell a live
/// run's namespace from one a killed run left behind.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Owner {
    /// The process that will remove it, or none for a namespace made to stay.
    pub pid: Option<u32>,
    /// That process's start time (clock ticks since boot), so a reused pid is not taken
    /// for the owner.
    pub start_time: Option<u64>,
    /// "run", "sandbox-host", "create" or "kept".
    pub purpose: String,
    /// Temporary directories that go with it (a sandbox's private state).
    #[serde(default)]
    pub dirs: Vec<PathBuf>,
}

impl Owner {
    pub fn this_process(purpose: &str) -> Owner {
        let pid = std::process::id();
        Owner {
            pid: Some(pid),
            start_time: start_time(pid),
            purpose: purpose.into(),
            dirs: Vec::new(),
        }
    }

    /// Whether the owning process is still running (a zombie is not).
    pub fn alive(&self) -> bool {
        match self.pid {
            None => false,
            Some(pid) => {
                start_time(pid).is_some() && start_time(pid) == self.start_time && !zombie(pid)
            }
        }
    }
}

/// A process's start time, field 22 of /proc/PID/stat.
fn start_time(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces; fields resume after its ')'.
    let rest = &stat[stat.rfind(')')? + 2..];
    rest.split(' ').nth(19)?.parse().ok()
}

/// Whether a process has exited and waits to be reaped (state Z in /proc/PID/stat).
fn zombie(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| stat.rfind(')').map(|i| stat[i + 2..].starts_with('Z')))
        .unwrap_or(false)
}

fn owner_path(name: &str) -> PathBuf {
    Path::new(OWNER_DIR).join(format!("{name}.json"))
}

pub fn read_owner(name: &str) -> Option<Owner> {
    use std::io::Read;
    // Records are a few hundred bytes: one read, no size query.
    let mut file = std::fs::File::open(owner_path(name)).ok()?;
    let mut buf = [0u8; 4096];
    let mut len = 0;
    while len < buf.len() {
        match file.read(&mut buf[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(_) => return None,
        }
        // A regular file returns all it has at once; a short read means the end.
        if len < buf.len() {
            break;
        }
    }
    serde_json::from_slice(&buf[..len]).ok()
}

fn ensure_owner_dir() -> std::io::Result<()> {
    static DIR: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    if DIR.get().is_none() {
        std::fs::create_dir_all(OWNER_DIR)?;
        let _ = DIR.set(());
    }
    Ok(())
}

pub fn write_owner(name: &str, owner: &Owner) -> std::io::Result<()> {
    ensure_owner_dir()?;
    std::fs::write(owner_path(name), serde_json::to_vec(owner).map_err(std::io::Error::other)?)
}

/// Writes a record that must not exist yet: another's record is never overwritten.
fn write_new_owner(name: &str, owner: &Owner) -> std::io::Result<()> {
    use std::io::Write;
    ensure_owner_dir()?;
    let bytes = serde_json::to_vec(owner).map_err(std::io::Error::other)?;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(owner_path(name))?
        .write_all(&bytes)
}

/// The names of every owner record, whether or not its namespace still exists.
pub fn owner_records() -> Vec<String> {
    std::fs::read_dir(OWNER_DIR)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.file_name().to_str()?.strip_suffix(".json").map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Removes the owner record of a namespace that is gone.
pub fn forget_owner(name: &str) {
    let _ = std::fs::remove_file(owner_path(name));
}

/// The prefix of a temporary directory this process makes (`cnictl-sandbox-`, say),
/// with its pid and start time in it, so that `netns gc` can tell it was left by a
/// killed run even when no owner record names it.
pub fn temp_prefix(kind: &str) -> String {
    let pid = std::process::id();
    format!("cnictl-{kind}-{pid}.{}-", start_time(pid).unwrap_or(0))
}

/// The temporary directories made under [`temp_prefix`] whose process is gone.
pub fn orphan_temp_dirs() -> Vec<PathBuf> {
    let tmp = std::env::temp_dir();
    let Ok(entries) = std::fs::read_dir(&tmp) else { return Vec::new() };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let owner = temp_dir_owner(&name)?;
            (!owner.alive()).then(|| tmp.join(name))
        })
        .collect();
    dirs.sort();
    dirs
}

/// The process a [`temp_prefix`] name encodes.
fn temp_dir_owner(name: &str) -> Option<Owner> {
    let rest = ["cnictl-sandbox-", "cnictl-cache-"].iter().find_map(|p| name.strip_prefix(p))?;
    let (tag, _random) = rest.split_once('-')?;
    let (pid, start) = tag.split_once('.')?;
    Some(Owner {
        pid: Some(pid.parse().ok()?),
        start_time: Some(start.parse().ok()?),
        purpose: "temp".into(),
        dirs: Vec::new(),
    })
}

/// The names made with `netns create`, to stay: one line each. A list rather than an owner
/// record per namespace, so that making many costs one write, not one file each.
const CREATED_LIST: &str = "/run/cnictl/created";

/// Notes namespaces made to stay.
pub fn note_created(names: &[String]) -> std::io::Result<()> {
    use std::io::Write;
    std::fs::create_dir_all("/run/cnictl")?;
    let mut text = String::new();
    for name in names {
        text.push_str(name);
        text.push('\n');
    }
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(CREATED_LIST)?
        .write_all(text.as_bytes())
}

/// The namespaces noted by [`note_created`] that still exist under that name.
pub fn created() -> std::collections::HashSet<String> {
    std::fs::read_to_string(CREATED_LIST)
        .map(|text| text.lines().map(str::to_string).collect())
        .unwrap_or_default()
}

/// Forgets removed names, so a namespace made later under one of them by another tool is
/// not taken for cnictl's.
pub fn forget_created(names: &[String]) {
    let kept: Vec<String> = created().into_iter().filter(|n| !names.contains(n)).collect();
    let text: String = kept.iter().map(|n| format!("{n}\n")).collect();
    let _ = std::fs::write(CREATED_LIST, text);
}

/// A fresh name: `cnictl-` and 8 random hex digits.
pub fn random_name(kind: &str) -> String {
    let mut bytes = [0u8; 4];
    let _ = std::fs::File::open("/dev/urandom").and_then(|mut f| {
        use std::io::Read;
        f.read_exact(&mut bytes)
    });
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{PREFIX}{kind}{hex}")
}

/// Makes /var/run/netns a shared mount point, as iproute2 does, so that namespaces bound
/// there are seen by every mount namespace (and `ip netns exec` works on them).
fn ensure_run_dir() -> nix::Result<()> {
    use nix::mount::{mount, MsFlags};
    std::fs::create_dir_all(NETNS_RUN_DIR)
        .map_err(|e| nix::Error::from_raw(e.raw_os_error().unwrap_or(0)))?;
    let shared = MsFlags::MS_SHARED | MsFlags::MS_REC;
    match mount(None::<&str>, NETNS_RUN_DIR, None::<&str>, shared, None::<&str>) {
        Err(nix::Error::EINVAL) => {
            // Not a mount point yet: bind it onto itself first.
            mount(
                Some(NETNS_RUN_DIR),
                NETNS_RUN_DIR,
                Some("none"),
                MsFlags::MS_BIND | MsFlags::MS_REC,
                None::<&str>,
            )?;
            mount(None::<&str>, NETNS_RUN_DIR, None::<&str>, shared, None::<&str>)
        }
        other => other,
    }
}

/// Why a namespace could not be made or removed.
#[derive(Debug, thiserror::Error)]
pub enum NetnsError {
    #[error("network namespace {0} already exists: pick another name or remove it with `cnictl netns rm {0}`")]
    Exists(String),
    #[error("cannot create network namespace {name}: {why} (cnictl must run as root)")]
    Create { name: String, why: String },
    #[error("cannot remove network namespace {name}: {why}")]
    Remove { name: String, why: String },
    #[error("{0:?} is not a valid namespace name: use letters, digits, '.', '_' and '-'")]
    BadName(String),
}

/// Creates a named network namespace at /var/run/netns/NAME, like `ip netns add`: a new
/// namespace made on a short-lived thread (namespaces are per thread) and kept alive by a
/// bind mount of that thread's namespace file.
pub fn create(name: &str) -> Result<PathBuf, NetnsError> {
    create_many(&[name.to_string()]).pop().expect("one name, one outcome")
}

/// Creates several namespaces on one short-lived thread: each `unshare` gives the thread a
/// fresh namespace, so the thread is started once however many are made.
pub fn create_many(names: &[String]) -> Vec<Result<PathBuf, NetnsError>> {
    // Once per process is enough: the run dir stays a shared mount point.
    static RUN_DIR: std::sync::OnceLock<nix::Result<()>> = std::sync::OnceLock::new();
    let run_dir = *RUN_DIR.get_or_init(ensure_run_dir);
    let prepared: Vec<Result<PathBuf, NetnsError>> = names
        .iter()
        .map(|name| {
            crate::spec::validate::identifier("namespace name", name)
                .map_err(|_| NetnsError::BadName(name.clone()))?;
            let fail = |why: String| NetnsError::Create { name: name.clone(), why };
            run_dir.map_err(|e| fail(format!("making {NETNS_RUN_DIR} a shared mount: {e}")))?;
            let path = Path::new(NETNS_RUN_DIR).join(name);
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(_) => Ok(path),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    Err(NetnsError::Exists(name.clone()))
                }
                Err(e) => Err(fail(format!("creating {}: {e}", path.display()))),
            }
        })
        .collect();
    let targets: Vec<Option<PathBuf>> = prepared.iter().map(|p| p.as_ref().ok().cloned()).collect();
    // The thread only makes system calls: a small stack is plenty, and cheaper to set up.
    let made: Vec<nix::Result<()>> = std::thread::Builder::new()
        .stack_size(64 * 1024)
        .spawn(move || {
            use nix::mount::{mount, MsFlags};
            targets
                .iter()
                .map(|target| match target {
                    None => Ok(()),
                    Some(target) => {
                        nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWNET)?;
                        let own = Some("/proc/thread-self/ns/net");
                        mount(own, target, Some("none"), MsFlags::MS_BIND, None::<&str>)
                    }
                })
                .collect()
        })
        .map(|thread| thread.join().unwrap_or_else(|_| vec![Err(nix::Error::EIO); names.len()]))
        .unwrap_or_else(|_| vec![Err(nix::Error::EAGAIN); names.len()]);
    prepared
        .into_iter()
        .zip(made)
        .zip(names)
        .map(|((prepared, made), name)| {
            let path = prepared?;
            if let Err(e) = made {
                let _ = std::fs::remove_file(&path);
                return Err(NetnsError::Create { name: name.clone(), why: e.to_string() });
            }
            Ok(path)
        })
        .collect()
}

/// Removes a named namespace: unmounts it (lazily, as `ip netns del` does) and deletes the
/// file. Processes still inside keep it alive until they exit.
pub fn delete(name: &str) -> Result<(), NetnsError> {
    let path = Path::new(NETNS_RUN_DIR).join(name);
    let fail = |why: String| NetnsError::Remove { name: name.to_string(), why };
    match nix::mount::umount2(&path, nix::mount::MntFlags::MNT_DETACH) {
        Ok(()) | Err(nix::Error::EINVAL) | Err(nix::Error::ENOENT) => {}
        Err(e) => return Err(fail(format!("unmounting {}: {e}", path.display()))),
    }
    match std::fs::remove_file(&path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(fail(format!("removing {}: {e}", path.display()))),
    }
    let _ = std::fs::remove_file(owner_path(name));
    Ok(())
}

/// A namespace cnictl made for the length of a command: removed when dropped (on success,
/// error, panic, or after a signal ends the command), unless [`Guard::keep`] was called.
#[derive(Debug)]
pub struct Guard {
    pub name: String,
    pub path: PathBuf,
    kept: bool,
}

impl Guard {
    /// Creates a namespace owned by this process, with the temporary directories that go
    /// with it. The owner record is written first: a cnictl killed at any point leaves
    /// nothing that `netns gc` cannot prove an orphan.
    pub fn create(name: &str, purpose: &str, dirs: Vec<PathBuf>) -> Result<Guard, NetnsError> {
        let mut owner = Owner::this_process(purpose);
        owner.dirs = dirs;
        let fail = |why: String| NetnsError::Create { name: name.to_string(), why };
        match write_new_owner(name, &owner) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(NetnsError::Exists(name.to_string()))
            }
            Err(e) => return Err(fail(format!("writing {}: {e}", owner_path(name).display()))),
        }
        match create(name) {
            Ok(path) => Ok(Guard { name: name.to_string(), path, kept: false }),
            Err(e) => {
                let _ = std::fs::remove_file(owner_path(name));
                Err(e)
            }
        }
    }

    /// Leaves the namespace in place when dropped; `netns gc` will not take it either.
    pub fn keep(&mut self) {
        self.kept = true;
        let _ = write_owner(
            &self.name,
            &Owner { pid: None, start_time: None, purpose: "kept".into(), dirs: Vec::new() },
        );
    }

    /// Removes the namespace now, reporting failure (dropping it only warns).
    pub fn remove(mut self) -> Result<(), NetnsError> {
        self.kept = true;
        delete(&self.name)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if !self.kept {
            if let Err(e) = delete(&self.name) {
                eprintln!("cnictl: warning: {e}");
            }
        }
    }
}

/// The namespaces under /var/run/netns, by name.
pub fn list() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(NETNS_RUN_DIR)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}
