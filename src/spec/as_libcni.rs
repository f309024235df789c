//! A result as libcni v1.3.0 writes it, for the two places where its bytes are compared:
//! what cnitool prints after ADD, and the `result` of a cache entry (and the `prevResult`
//! libcni injects). libcni decodes a plugin's output into the types of its version and
//! marshals those again, so addresses come back in Go's spelling and fields a version lacks
//! are gone; see [`super::gojson`] for the rest.

use serde_json::Value;

use super::gojson;
use super::result::{CniResult, Family};

impl CniResult {
    /// What cnitool v1.3.0 prints after ADD (`Result.Print`): `json.MarshalIndent` with four
    /// spaces and no trailing newline. A 1.x result goes through a map in libcni >= 1.2
    /// (`types100.Result.MarshalJSON`), so its keys are sorted at every level and an empty
    /// `dns` is left out; older results keep the struct order and `"dns": {}`.
    pub fn to_cnitool_text(&self) -> String {
        let go = self.go_view();
        match Family::of(&go.cni_version).unwrap_or(Family::V1) {
            Family::V1 => {
                gojson::to_string(&go.wire1_map(), Some("    "), gojson::Numbers::Float64)
            }
            Family::V04 => gojson::to_string(&go.wire04(), Some("    "), gojson::Numbers::Integers),
            Family::V02 => gojson::to_string(&go.wire02(), Some("    "), gojson::Numbers::Integers),
        }
    }

    /// The result as libcni's cache holds it (`cachedInfo.RawResult`): marshalled at its own
    /// version, then decoded into a map, so keys are sorted at every version, a 1.x result
    /// has no empty `dns`, and addresses are in Go's spelling. Write it with
    /// [`gojson::Numbers::Float64`].
    pub fn to_libcni_map(&self) -> Value {
        let go = self.go_view();
        match Family::of(&go.cni_version).unwrap_or(Family::V1) {
            Family::V1 => go.wire1_map(),
            Family::V04 => gojson::sorted(&serde_json::to_value(go.wire04()).expect("serializes")),
            Family::V02 => gojson::sorted(&serde_json::to_value(go.wire02()).expect("serializes")),
        }
    }

    /// The result as libcni holds it after decoding a plugin's output into its types:
    /// addresses parsed and spelt back by Go, and at 0.x only the interface fields those
    /// versions have.
    fn go_view(&self) -> CniResult {
        let mut go = self.clone();
        let respell = |text: &mut String, spell: fn(&str) -> Option<String>| {
            if let Some(spelt) = spell(text) {
                *text = spelt;
            }
        };
        for ip in &mut go.ips {
            respell(&mut ip.address, gojson::cidr);
            respell(&mut ip.gateway, gojson::ip);
        }
        for route in &mut go.routes {
            respell(&mut route.dst, gojson::cidr);
            respell(&mut route.gw, gojson::ip);
        }
        if Family::of(&go.cni_version).unwrap_or(Family::V1) != Family::V1 {
            for iface in &mut go.interfaces {
                iface.mtu = 0;
                iface.socket_path.clear();
                iface.pci_id.clear();
            }
        }
        go
    }

    /// A 1.x result as `types100.Result.MarshalJSON` makes it: a map, without `dns` when
    /// it is empty.
    fn wire1_map(&self) -> Value {
        let mut value = serde_json::to_value(self.wire1()).expect("result types always serialize");
        if self.dns.is_empty() {
            if let Some(map) = value.as_object_mut() {
                map.remove("dns");
            }
        }
        gojson::sorted(&value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::result::Dns;
    use serde_json::json;

    #[test]
    fn prints_a_1_x_result_like_cnitool_1_3_sorted_and_without_empty_dns() {
        let r = CniResult::from_value(
            &json!({"cniVersion": "1.0.0", "ips": [{"interface": 0, "address": "10.1.0.5/24",
                    "gateway": "10.1.0.1"}], "interfaces": [{"name": "eth0", "mac": "02:00:00:00:00:01",
                    "mtu": 1400, "sandbox": "/run/netns/x"}], "dns": {}}),
            "",
        )
        .unwrap();
        let expected = r#"{
    "cniVersion": "1.0.0",
    "interfaces": [
        {
            "mac": "02:00:00:00:00:01",
            "mtu": 1400,
            "name": "eth0",
            "sandbox": "/run/netns/x"
        }
    ],
    "ips": [
        {
            "address": "10.1.0.5/24",
            "gateway": "10.1.0.1",
            "interface": 0
        }
    ]
}"#;
        assert_eq!(r.to_cnitool_text(), expected);
        let mut with_dns = r.clone();
        with_dns.interfaces.clear();
        with_dns.ips.clear();
        with_dns.dns = Dns {
            nameservers: vec!["192.0.2.53".into()],
            domain: "a.example".into(),
            search: vec!["b.example".into()],
            options: vec!["ndots:2".into()],
        };
        let expected = r#"{
    "cniVersion": "1.0.0",
    "dns": {
        "domain": "a.example",
        "nameservers": [
            "192.0.2.53"
        ],
        "options": [
            "ndots:2"
        ],
        "search": [
            "b.example"
        ]
    }
}"#;
        assert_eq!(with_dns.to_cnitool_text(), expected);
        // cnictl's own JSON keeps its shape.
        assert_eq!(r.to_json()["dns"], json!({}));
    }

    #[test]
    fn prints_a_0_4_result_like_cnitool_in_struct_order_with_dns() {
        let r = CniResult::from_value(
            &json!({"cniVersion": "0.4.0", "ips": [{"version": "4", "address": "10.1.0.5/24"}],
                    "interfaces": [{"name": "eth0", "mtu": 1400, "mac": "02:00:00:00:00:01"}]}),
            "",
        )
        .unwrap();
        // 0.4.0 has no interface MTU: Go's types drop it.
        let expected = r#"{
    "cniVersion": "0.4.0",
    "interfaces": [
        {
            "name": "eth0",
            "mac": "02:00:00:00:00:01"
        }
    ],
    "ips": [
        {
            "version": "4",
            "address": "10.1.0.5/24"
        }
    ],
    "dns": {}
}"#;
        assert_eq!(r.to_cnitool_text(), expected);
        let cached = gojson::to_string(&r.to_libcni_map(), None, gojson::Numbers::Float64);
        assert_eq!(
            cached,
            r#"{"cniVersion":"0.4.0","dns":{},"interfaces":[{"mac":"02:00:00:00:00:01","name":"eth0"}],"ips":[{"address":"10.1.0.5/24","version":"4"}]}"#
        );
    }

    #[test]
    fn addresses_are_printed_in_go_spelling_but_kept_in_cnictl_json() {
        let r = CniResult::from_value(
            &json!({"cniVersion": "1.1.0", "ips": [{"address": "FD00:0::5/64", "gateway": "fd00::0:1"}],
                    "routes": [{"dst": "::ffff:10.0.0.0/104", "gw": "::ffff:10.1.0.1"}]}),
            "",
        )
        .unwrap();
        let cached = gojson::to_string(&r.to_libcni_map(), None, gojson::Numbers::Float64);
        assert_eq!(
            cached,
            r#"{"cniVersion":"1.1.0","ips":[{"address":"fd00::5/64","gateway":"fd00::1"}],"routes":[{"dst":"10.0.0.0/8","gw":"10.1.0.1"}]}"#
        );
        assert!(r.to_cnitool_text().contains(r#""address": "fd00::5/64""#));
        assert_eq!(r.to_json()["ips"][0]["address"], "FD00:0::5/64");
    }
}
