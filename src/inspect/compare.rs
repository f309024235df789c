//! A result against the live namespace: what an ADD result claims for the container (its
//! interfaces whose `sandbox` is the namespace, their MACs, and the addresses on them) and
//! the namespace, read over netlink, lacks. SPEC section 5, "ADD Success": `interfaces[]`
//! with `sandbox` and `ips[].interface` as an index into them.

use std::net::IpAddr;

use super::Snapshot;
use crate::spec::result::CniResult;

/// The addresses of a result, for a one-line summary.
pub fn addresses(result: &CniResult) -> String {
    let ips: Vec<&str> = result.ips.iter().map(|ip| ip.address.as_str()).collect();
    if ips.is_empty() {
        "no addresses".into()
    } else {
        ips.join(", ")
    }
}

/// Whether two `ip/len` strings name the same address, however each is spelled
/// (`fd00::0002/64` is `fd00::2/64`).
fn same_address(a: &str, b: &str) -> bool {
    let parse = |s: &str| {
        let (ip, len) = s.split_once('/').unwrap_or((s, ""));
        (ip.parse::<IpAddr>().ok(), len.to_string())
    };
    parse(a) == parse(b)
}

/// What the result claims for the container and the namespace lacks: interfaces whose
/// sandbox is this namespace, and the addresses assigned to them.
pub fn compare(result: &CniResult, live: &Snapshot, netns: &str) -> Vec<String> {
    let mut missing = Vec::new();
    for iface in result.interfaces.iter().filter(|i| i.sandbox == netns) {
        match live.links.iter().find(|l| l.name == iface.name) {
            None => missing.push(format!("interface {} is not in the namespace", iface.name)),
            Some(link)
                if !iface.mac.is_empty()
                    && link.mac.as_deref() != Some(&iface.mac.to_lowercase()) =>
            {
                missing.push(format!(
                    "interface {} has MAC {}, the result says {}",
                    iface.name,
                    link.mac.as_deref().unwrap_or("none"),
                    iface.mac
                ));
            }
            Some(_) => {}
        }
    }
    for ip in &result.ips {
        let target = ip.interface.and_then(|i| result.interfaces.get(i as usize));
        match target {
            Some(iface) if iface.sandbox != netns => {}
            Some(iface) => {
                if !live
                    .addresses
                    .iter()
                    .any(|a| a.ifname == iface.name && same_address(&a.address, &ip.address))
                {
                    missing.push(format!("address {} is not on {}", ip.address, iface.name));
                }
            }
            None => {
                if !live.addresses.iter().any(|a| same_address(&a.address, &ip.address)) {
                    missing.push(format!("address {} is not in the namespace", ip.address));
                }
            }
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect::{Address, Link};
    use crate::spec::result::{Interface, IpConfig};

    const NS: &str = "/var/run/netns/c1";
    const MAC: &str = "0a:58:0a:16:00:02";

    fn iface(name: &str, mac: &str, sandbox: &str) -> Interface {
        Interface {
            name: name.into(),
            mac: mac.into(),
            sandbox: sandbox.into(),
            ..Default::default()
        }
    }

    fn ip(interface: Option<u64>, address: &str) -> IpConfig {
        IpConfig { interface, address: address.into(), ..Default::default() }
    }

    /// ptp's shape: a host veth (no sandbox), the container's eth0, an address on eth0.
    fn result(ips: Vec<IpConfig>) -> CniResult {
        CniResult {
            cni_version: "1.0.0".into(),
            interfaces: vec![iface("veth1234", "", ""), iface("eth0", MAC, NS)],
            ips,
            ..Default::default()
        }
    }

    fn link(name: &str, mac: &str) -> Link {
        Link {
            index: 2,
            name: name.into(),
            kind: Some("veth".into()),
            state: "up".into(),
            up: true,
            mtu: Some(1500),
            mac: Some(mac.into()),
            peer: None,
            peer_netns_id: None,
            master: None,
        }
    }

    fn address(ifname: &str, address: &str) -> Address {
        Address { ifname: ifname.into(), address: address.into(), scope: "global".into() }
    }

    fn namespace(links: Vec<Link>, addresses: Vec<Address>) -> Snapshot {
        Snapshot { netns: Some(NS.into()), links, addresses, routes: Vec::new() }
    }

    #[test]
    fn a_namespace_that_holds_what_the_result_claims_has_no_mismatches() {
        let result = result(vec![ip(Some(1), "10.22.0.2/24")]);
        let live = namespace(vec![link("eth0", MAC)], vec![address("eth0", "10.22.0.2/24")]);
        assert_eq!(compare(&result, &live, NS), Vec::<String>::new());
    }

    #[test]
    fn an_address_the_namespace_lacks_is_named_with_its_interface() {
        let result = result(vec![ip(Some(1), "10.22.0.2/24")]);
        let live = namespace(vec![link("eth0", MAC)], vec![address("eth0", "10.22.0.3/24")]);
        assert_eq!(compare(&result, &live, NS), ["address 10.22.0.2/24 is not on eth0"]);
    }

    #[test]
    fn the_same_address_with_another_prefix_length_is_a_mismatch() {
        let result = result(vec![ip(Some(1), "10.22.0.2/24")]);
        let live = namespace(vec![link("eth0", MAC)], vec![address("eth0", "10.22.0.2/16")]);
        assert_eq!(compare(&result, &live, NS), ["address 10.22.0.2/24 is not on eth0"]);
    }

    #[test]
    fn an_address_on_another_link_of_the_namespace_does_not_count() {
        let result = result(vec![ip(Some(1), "10.22.0.2/24")]);
        let live = namespace(
            vec![link("eth0", MAC), link("eth1", "0a:00:00:00:00:01")],
            vec![address("eth1", "10.22.0.2/24")],
        );
        assert_eq!(compare(&result, &live, NS), ["address 10.22.0.2/24 is not on eth0"]);
    }

    #[test]
    fn a_missing_interface_is_named_and_so_are_its_addresses() {
        let result = result(vec![ip(Some(1), "10.22.0.2/24")]);
        let live = namespace(Vec::new(), Vec::new());
        assert_eq!(
            compare(&result, &live, NS),
            ["interface eth0 is not in the namespace", "address 10.22.0.2/24 is not on eth0"]
        );
    }

    #[test]
    fn a_mac_that_differs_is_a_mismatch_but_case_is_not() {
        let result = result(Vec::new());
        let upper = namespace(vec![link("eth0", MAC)], Vec::new());
        let mut claims_upper = result.clone();
        claims_upper.interfaces[1].mac = MAC.to_uppercase();
        assert!(compare(&claims_upper, &upper, NS).is_empty());

        let other = namespace(vec![link("eth0", "0a:58:0a:16:00:99")], Vec::new());
        assert_eq!(
            compare(&result, &other, NS),
            [format!("interface eth0 has MAC 0a:58:0a:16:00:99, the result says {MAC}")]
        );
    }

    #[test]
    fn ipv6_addresses_compare_by_value_not_by_spelling() {
        let result = result(vec![ip(Some(1), "fd00:22::0002/64")]);
        let live = namespace(vec![link("eth0", MAC)], vec![address("eth0", "fd00:22::2/64")]);
        assert!(compare(&result, &live, NS).is_empty());

        let lacking = namespace(vec![link("eth0", MAC)], vec![address("eth0", "fd00:22::3/64")]);
        assert_eq!(compare(&result, &lacking, NS), ["address fd00:22::0002/64 is not on eth0"]);
    }

    #[test]
    fn interfaces_and_addresses_outside_the_namespace_are_not_checked() {
        // The host veth has no sandbox; an address on it is the host's business.
        let result = result(vec![ip(Some(0), "10.22.0.1/32")]);
        let live = namespace(vec![link("eth0", MAC)], Vec::new());
        assert!(compare(&result, &live, NS).is_empty());
    }

    #[test]
    fn an_address_without_an_interface_may_sit_on_any_link() {
        let result = result(vec![ip(None, "10.22.0.2/24"), ip(None, "10.22.0.9/24")]);
        let live = namespace(vec![link("eth0", MAC)], vec![address("lo", "10.22.0.2/24")]);
        assert_eq!(compare(&result, &live, NS), ["address 10.22.0.9/24 is not in the namespace"]);
    }

    #[test]
    fn an_interface_index_past_the_end_is_looked_for_anywhere() {
        let result = result(vec![ip(Some(7), "10.22.0.5/24")]);
        let live = namespace(vec![link("eth0", MAC)], Vec::new());
        assert_eq!(compare(&result, &live, NS), ["address 10.22.0.5/24 is not in the namespace"]);
    }

    #[test]
    fn addresses_summarise_a_result() {
        assert_eq!(addresses(&result(Vec::new())), "no addresses");
        let two = result(vec![ip(Some(1), "10.22.0.2/24"), ip(Some(1), "fd00::2/64")]);
        assert_eq!(addresses(&two), "10.22.0.2/24, fd00::2/64");
    }
}
