//! Which runtime passes which capability argument. A plugin that declares
//! `"capabilities": {"<name>": true}` receives `runtimeConfig.<name>` only when the runtime
//! that runs it fills that name in (CONVENTIONS.md, "Dynamic plugin specific fields"); the
//! conventions name ten capabilities, but the runtimes pass a different set each, and
//! some pass names the conventions do not list. This is the one table of what each passes,
//! behind `conf lint`'s `unknown-capability` and the "passed by" of `conf show`.
//!
//! Where each row comes from (read at the commits named; re-read them when a runtime
//! changes):
//! - containerd's CRI plugin, through go-cni: `cniNamespaceOpts` in
//!   `internal/cri/server/sandbox_run.go` (containerd 301026e) passes the pod's annotations
//!   under `io.kubernetes.cri.pod-annotations` (the constant `PodAnnotations` in
//!   `internal/cri/annotations/annotations.go`) on every pod, and `portMappings`,
//!   `bandwidth`, `dns` and `cgroupPath` when the pod has them; go-cni's
//!   `namespace_opts.go` (3dbce1d) would also pass `ipRanges`, but the CRI never asks it to.
//! - CRI-O, through ocicni: `newPodNetwork` in `server/sandbox_network.go` (cri-o f954a17)
//!   fills `Bandwidth`, `CgroupPath` and `PodAnnotations`, which ocicni's
//!   `buildCNIRuntimeConf` in `pkg/ocicni/ocicni.go` (18fd1eb) passes as `bandwidth`,
//!   `cgroupPath` and `io.kubernetes.cri.pod-annotations`. CRI-O maps host ports itself and
//!   passes no `portMappings`; ocicni's `portMappings`, `ipRanges` and `aliases` stay empty.
//!   Static IP and MAC go as CNI_ARGS `IP` and `MAC`, not as capabilities.
//! - podman's CNI backend: `getRuntimeConfig` in containers/common
//!   `libnetwork/cni/run.go` (f437c58) passes `portMappings`, `aliases`, and `ips` when a
//!   container has more than one static IP (one goes as CNI_ARGS `IP`; a static MAC as
//!   CNI_ARGS `MAC`). podman's default backend, netavark, runs no CNI plugins.
//! - Multus, to the plugins it delegates to: `CreateCNIRuntimeConf` in `pkg/types/conf.go`
//!   (multus-cni 95a0932) passes `portMappings`, `bandwidth`, `ips`, `mac`,
//!   `infinibandGUID`, `deviceID` and its own `CNIDeviceInfoFile`, from the pod's network
//!   selection annotations and device plugins.
//! - cnitool passes whatever object `CAP_ARGS` holds, whatever its names
//!   (libcni-behaviour.md section 3.2); so do cnictl's `--cap-args` and `CAP_ARGS`.

/// What a runtime passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Passes {
    /// These capability names, when it has a value for them.
    These(&'static [&'static str]),
    /// Any name the user gives it.
    Any,
}

/// One runtime and the capability arguments it passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Runtime {
    /// As `conf show` names it.
    pub name: &'static str,
    pub passes: Passes,
}

/// The capabilities CONVENTIONS.md defines ("Well-known Capabilities").
pub const CONVENTIONS: [&str; 10] = [
    "portMappings",
    "ipRanges",
    "bandwidth",
    "dns",
    "ips",
    "mac",
    "infinibandGUID",
    "deviceID",
    "aliases",
    "cgroupPath",
];

/// The pod annotations containerd and CRI-O pass: not in the conventions, widely used.
pub const POD_ANNOTATIONS: &str = "io.kubernetes.cri.pod-annotations";

/// Every runtime cnictl knows, and what it passes (the module comment says where from).
pub const RUNTIMES: [Runtime; 5] = [
    Runtime {
        name: "containerd",
        passes: Passes::These(&["portMappings", "bandwidth", "dns", "cgroupPath", POD_ANNOTATIONS]),
    },
    Runtime { name: "cri-o", passes: Passes::These(&["bandwidth", "cgroupPath", POD_ANNOTATIONS]) },
    Runtime { name: "podman", passes: Passes::These(&["portMappings", "ips", "aliases"]) },
    Runtime {
        name: "multus",
        passes: Passes::These(&[
            "portMappings",
            "bandwidth",
            "ips",
            "mac",
            "infinibandGUID",
            "deviceID",
            "CNIDeviceInfoFile",
        ]),
    },
    Runtime { name: "cnitool", passes: Passes::Any },
];

impl Runtime {
    fn passes(&self, capability: &str) -> bool {
        match self.passes {
            Passes::These(names) => names.contains(&capability),
            Passes::Any => true,
        }
    }
}

/// The runtimes that pass `capability`, in table order. Names are case-sensitive, as in
/// libcni's lookup of `CapabilityArgs`.
pub fn passed_by(capability: &str) -> Vec<&'static str> {
    RUNTIMES.iter().filter(|r| r.passes(capability)).map(|r| r.name).collect()
}

/// Whether a runtime passes `capability` by name (not merely as anything `CAP_ARGS` holds).
pub fn named(capability: &str) -> bool {
    RUNTIMES.iter().any(|r| matches!(r.passes, Passes::These(names) if names.contains(&capability)))
}

/// Whether the conventions or a runtime know `capability`: anything else is likely a typo.
pub fn known(capability: &str) -> bool {
    CONVENTIONS.contains(&capability) || named(capability)
}

/// Every capability name some runtime passes by name or the conventions define, sorted:
/// what a fix can suggest.
pub fn all_known() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = CONVENTIONS.to_vec();
    for runtime in &RUNTIMES {
        if let Passes::These(these) = runtime.passes {
            names.extend_from_slice(these);
        }
    }
    names.sort_unstable_by_key(|n| n.to_ascii_lowercase());
    names.dedup();
    names
}

/// The message and fix for a capability no convention defines and no runtime passes.
pub fn unknown(cap: &str) -> (String, String) {
    let known = all_known();
    let message = format!(
        "capability {cap:?} is neither one the conventions define nor one a runtime passes ({}): \
         only a CAP_ARGS that names it (cnitool, cnictl --cap-args) will fill it in",
        known.join(", ")
    );
    let near = known
        .iter()
        .copied()
        .min_by_key(|k| distance(&k.to_ascii_lowercase(), &cap.to_ascii_lowercase()));
    let fix =
        match near.filter(|k| distance(&k.to_ascii_lowercase(), &cap.to_ascii_lowercase()) <= 2) {
            Some(k) => format!("did you mean {k:?}? Capability names are case-sensitive"),
            None => "check the spelling against the plugin's documentation".to_string(),
        };
    (message, fix)
}

/// Edit distance, for suggesting a capability name: names are short.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 11, item 7: the pod annotations were called a capability no runtime passes.
    #[test]
    fn containerd_and_crio_pass_the_pod_annotations() {
        assert_eq!(passed_by(POD_ANNOTATIONS), ["containerd", "cri-o", "cnitool"]);
        assert!(known(POD_ANNOTATIONS));
        assert_eq!(passed_by("portMappings"), ["containerd", "podman", "multus", "cnitool"]);
        assert_eq!(passed_by("mac"), ["multus", "cnitool"]);
    }

    #[test]
    fn a_misspelt_name_is_passed_only_through_cap_args() {
        assert_eq!(passed_by("portMapping"), ["cnitool"]);
        assert!(!known("portMapping"));
        assert!(!known("portmappings"), "names are case-sensitive");
        // In the conventions, though no runtime of the table fills it in.
        assert!(known("ipRanges") && !named("ipRanges"));
    }

    #[test]
    fn every_convention_is_in_the_suggestions_once() {
        let all = all_known();
        for name in CONVENTIONS {
            assert_eq!(all.iter().filter(|n| **n == name).count(), 1, "{name}");
        }
        assert!(all.contains(&POD_ANNOTATIONS) && all.contains(&"CNIDeviceInfoFile"));
    }
}
