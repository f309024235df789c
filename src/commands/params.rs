//! The parameters of an attachment as the user gives them: `CNI_ARGS`, capability
//! arguments and their convenience flags (shared by `add`, `check`, `del`, `run` and
//! `conf show`), and cnitool's derivation of the container ID.

use clap::Args;
use serde_json::{Map, Value};
use sha2::{Digest, Sha512};

use crate::exit::UsageError;
use crate::spec::{args as cni_args, capabilities};

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
    capabilities::build(&capabilities::Given {
        raw: args.cap_args.as_deref(),
        port_mappings: &args.port_mappings,
        ips: &args.ips,
        mac: args.mac.as_deref(),
        bandwidth: args.bandwidth.as_deref(),
    })
    .map_err(UsageError)
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
}
