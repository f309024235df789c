//! Hermetic runs. A [`Placement`] says where a child process runs: inside another network
//! namespace (a throwaway "host"), and with a private mount namespace in which a directory
//! of cnictl's is bind-mounted on /var/lib/cni. A [`Sandbox`] owns one such host namespace
//! and state directory for the length of a command, and removes both when dropped.

use std::fs::File;
use std::os::fd::AsFd;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};

use nix::fcntl::{Flock, FlockArg};
use nix::mount::{mount, MsFlags};
use nix::sched::{setns, unshare, CloneFlags};

use crate::netns;

/// Where plugins keep their node-wide state (host-local's leases, among others).
pub const STATE_DIR: &str = "/var/lib/cni";

/// Where a child process runs.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    /// Enter this network namespace before exec.
    pub netns: Option<PathBuf>,
    /// Bind-mount this directory on /var/lib/cni in a private mount namespace.
    pub state_dir: Option<PathBuf>,
}

impl Placement {
    pub fn is_default(&self) -> bool {
        self.netns.is_none() && self.state_dir.is_none()
    }

    /// Arranges for `cmd` to start in this placement. The namespace file is opened here,
    /// before the fork, so the child only makes system calls.
    pub fn apply(&self, cmd: &mut std::process::Command) -> std::io::Result<()> {
        if self.is_default() {
            return Ok(());
        }
        let ns: Option<File> = self.netns.as_ref().map(File::open).transpose()?;
        let state = self.state_dir.clone();
        let pre_exec = move || -> std::io::Result<()> {
            if let Some(ns) = &ns {
                setns(ns.as_fd(), CloneFlags::CLONE_NEWNET)?;
            }
            if let Some(state) = &state {
                unshare(CloneFlags::CLONE_NEWNS)?;
                mount(
                    None::<&str>,
                    "/",
                    None::<&str>,
                    MsFlags::MS_REC | MsFlags::MS_PRIVATE,
                    None::<&str>,
                )?;
                mount(
                    Some(state.as_path()),
                    STATE_DIR,
                    None::<&str>,
                    MsFlags::MS_BIND,
                    None::<&str>,
                )?;
            }
            Ok(())
        };
        #[allow(unsafe_code)]
        // SAFETY: the closure runs in the forked child before exec and only makes the
        // setns/unshare/mount system calls; nix builds the short paths on the stack, so
        // nothing allocates or takes a lock.
        unsafe {
            cmd.pre_exec(pre_exec);
        }
        Ok(())
    }
}

/// A shared lock held by every sandbox while it uses /var/lib/cni as a mount point; the
/// last one out removes the directory if a sandbox made it.
pub struct MountPointLock {
    lock: Option<Flock<File>>,
}

const LOCK_PATH: &str = "/run/cnictl/var-lib-cni.lock";
const MADE_MARK: &str = "/run/cnictl/var-lib-cni.made";

impl MountPointLock {
    /// Makes sure /var/lib/cni exists to be mounted on, for as long as the lock lives.
    pub fn take() -> std::io::Result<MountPointLock> {
        std::fs::create_dir_all("/run/cnictl")?;
        let file = File::options().create(true).truncate(false).write(true).open(LOCK_PATH)?;
        let lock = Flock::lock(file, FlockArg::LockShared).map_err(|(_, e)| e)?;
        if !Path::new(STATE_DIR).exists() {
            std::fs::create_dir_all(STATE_DIR)?;
            File::create(MADE_MARK)?;
        }
        Ok(MountPointLock { lock: Some(lock) })
    }
}

impl MountPointLock {
    /// A shared lock that does not create the directory.
    fn take_existing() -> std::io::Result<MountPointLock> {
        let file = File::options().write(true).open(LOCK_PATH)?;
        let lock = Flock::lock(file, FlockArg::LockShared).map_err(|(_, e)| e)?;
        Ok(MountPointLock { lock: Some(lock) })
    }
}

impl Drop for MountPointLock {
    fn drop(&mut self) {
        let Some(Ok(file)) = self.lock.take().map(Flock::unlock) else { return };
        // Nobody else holds the shared lock: no sandbox is using the mount point.
        if let Ok(_only) = Flock::lock(file, FlockArg::LockExclusiveNonblock) {
            if Path::new(MADE_MARK).exists() && std::fs::remove_dir(STATE_DIR).is_ok() {
                let _ = std::fs::remove_file(MADE_MARK);
            }
        }
    }
}

/// Removes /var/lib/cni if a sandbox made it and none is using it: `netns gc` calls this
/// after a killed run left it behind.
pub fn release_mount_point() {
    if let Ok(lock) = MountPointLock::take_existing() {
        drop(lock);
    }
}

/// A throwaway host namespace (loopback up) and a private state directory, with the cache
/// directory cnictl uses inside it. Dropping it removes everything.
pub struct Sandbox {
    pub host: netns::Guard,
    pub dir: tempfile::TempDir,
    _lock: MountPointLock,
}

impl Sandbox {
    pub fn create() -> anyhow::Result<Sandbox> {
        use anyhow::Context as _;
        let lock = MountPointLock::take()
            .context("preparing /var/lib/cni as the sandbox's mount point")?;
        // The directory first, named for this process, then the namespace with its owner
        // record naming the directory: killed at any point, this leaves nothing `netns gc`
        // cannot find.
        let dir = tempfile::Builder::new()
            .prefix(&netns::temp_prefix("sandbox"))
            .tempdir()
            .context("creating the sandbox's state directory")?;
        for sub in ["state", "cache"] {
            std::fs::create_dir(dir.path().join(sub))?;
        }
        let dirs = vec![dir.path().to_path_buf()];
        let host = netns::Guard::create(&netns::random_name("host-"), "sandbox-host", dirs)?;
        crate::inspect::set_up(Some(&host.path), "lo")
            .with_context(|| format!("setting lo up in {}", host.name))?;
        Ok(Sandbox { host, dir, _lock: lock })
    }

    /// Where plugins run.
    pub fn placement(&self) -> Placement {
        Placement { netns: Some(self.host.path.clone()), state_dir: Some(self.state_dir()) }
    }

    /// The directory plugins see as /var/lib/cni.
    pub fn state_dir(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    /// cnictl's own result cache for the run.
    pub fn cache_dir(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    /// Removes the host namespace and the directories now, reporting what failed.
    pub fn remove(self) -> Result<(), String> {
        let Sandbox { host, dir, _lock } = self;
        let mut problems = Vec::new();
        // The directory before the namespace and its owner record, which names it: killed
        // in between, `netns gc` still finds what is left.
        let path = dir.path().to_path_buf();
        if let Err(e) = dir.close() {
            problems.push(format!("removing {}: {e}", path.display()));
        }
        if let Err(e) = host.remove() {
            problems.push(e.to_string());
        }
        drop(_lock);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("; "))
        }
    }

    /// Keeps the namespace and directories after the command (`--keep`).
    pub fn keep(self) -> (String, PathBuf) {
        let Sandbox { mut host, dir, _lock } = self;
        host.keep();
        (host.name.clone(), dir.keep())
    }
}
