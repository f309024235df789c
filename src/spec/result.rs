//! ADD results of every spec version (SPEC section 5, "ADD Success") and the conversions
//! between them, following the reference types: 0.1.0/0.2.0 (`ip4`/`ip6`), 0.3.x/0.4.0
//! (`ips[].version`) and 1.x. A result is read into one model, [`CniResult`], and written
//! back at any version in the reference field order. What cnitool prints and what libcni
//! caches are written as libcni v1.3.0 writes them, in [`super::as_libcni`].

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// An ADD result, at the version it was produced for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CniResult {
    pub cni_version: String,
    pub interfaces: Vec<Interface>,
    pub ips: Vec<IpConfig>,
    pub routes: Vec<Route>,
    pub dns: Dns,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Interface {
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mac: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub mtu: u64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sandbox: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub socket_path: String,
    #[serde(rename = "pciID", default, skip_serializing_if = "String::is_empty")]
    pub pci_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IpConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interface: Option<u64>,
    pub address: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub gateway: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Route {
    pub dst: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub gw: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub mtu: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub advmss: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub priority: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<u64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dns {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nameservers: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub domain: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub search: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
}

impl Dns {
    /// Whether every field is empty (`types.DNS.IsEmpty`).
    pub fn is_empty(&self) -> bool {
        self.nameservers.is_empty()
            && self.domain.is_empty()
            && self.search.is_empty()
            && self.options.is_empty()
    }
}

/// Checks `ADDRESS/PREFIX`, as Go's `net.ParseCIDR` does.
fn cidr(text: &str) -> Result<(), &'static str> {
    let (addr, prefix) = text.split_once('/').ok_or("not a CIDR (no /prefix)")?;
    let addr: std::net::IpAddr = addr.parse().map_err(|_| "not an IP address")?;
    let max = if addr.is_ipv4() { 32 } else { 128 };
    match prefix.parse::<u8>() {
        Ok(p) if p <= max && !prefix.starts_with('+') => Ok(()),
        _ => Err("the prefix length is out of range"),
    }
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// The three shapes a result has had over the spec's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// 0.1.0 and 0.2.0: `ip4`, `ip6`, routes inside them.
    V02,
    /// 0.3.0, 0.3.1 and 0.4.0: `ips[]` with `version`.
    V04,
    /// 1.0.0 and 1.1.0.
    V1,
}

impl Family {
    pub fn of(version: &str) -> Result<Family, String> {
        match version {
            "" | "0.1.0" | "0.2.0" => Ok(Family::V02),
            "0.3.0" | "0.3.1" | "0.4.0" => Ok(Family::V04),
            "1.0.0" | "1.1.0" => Ok(Family::V1),
            other => {
                Err(format!("unsupported result version {other:?}: cnictl knows 0.1.0 to 1.1.0"))
            }
        }
    }
}

// The wire shapes, in the reference implementation's field order.

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Wire1 {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    cni_version: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    interfaces: Vec<Interface>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    ips: Vec<IpConfig>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    routes: Vec<Route>,
    #[serde(default)]
    dns: Dns,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Wire04 {
    #[serde(skip_serializing_if = "String::is_empty")]
    cni_version: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    interfaces: Vec<Interface>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    ips: Vec<IpConfig04>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    routes: Vec<Route>,
    dns: Dns,
}

#[derive(Serialize)]
struct IpConfig04 {
    version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    interface: Option<u64>,
    address: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    gateway: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Wire02 {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    cni_version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ip4: Option<Ip02>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ip6: Option<Ip02>,
    #[serde(default)]
    dns: Dns,
}

#[derive(Serialize, Deserialize)]
struct Ip02 {
    ip: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    gateway: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    routes: Vec<Route02>,
}

#[derive(Serialize, Deserialize)]
struct Route02 {
    dst: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    gw: String,
}

/// Whether an address (with or without a prefix) is IPv6.
pub fn is_ipv6(address: &str) -> bool {
    address.contains(':')
}

impl CniResult {
    /// Reads a plugin's stdout. Empty output and `null` are an empty result (loopback prints
    /// nothing on some versions); a result without `cniVersion` takes `default_version`,
    /// as libcni does since cni#896.
    pub fn from_stdout(stdout: &[u8], default_version: &str) -> Result<CniResult, String> {
        let text = std::str::from_utf8(stdout).map_err(|_| "output is not UTF-8".to_string())?;
        if text.trim().is_empty() {
            // libcni fails such an ADD ("unexpected end of JSON input"); `null` it takes as
            // an empty result.
            return Err("it printed nothing on stdout, where a result must be".into());
        }
        if text.trim() == "null" {
            return Ok(CniResult {
                cni_version: default_version.to_string(),
                ..Default::default()
            });
        }
        let value: Value = serde_json::from_str(text.trim())
            .map_err(|e| format!("output is not a JSON result ({e})"))?;
        let result = CniResult::from_value(&value, default_version)?;
        result.validate()?;
        Ok(result)
    }

    /// What the reference types refuse to decode, and what no runtime can use: addresses
    /// and routes that are not CIDRs, gateways that are not IPs, an `interface` index past
    /// the interfaces (SPEC section 5, "ADD Success").
    pub fn validate(&self) -> Result<(), String> {
        for (i, ip) in self.ips.iter().enumerate() {
            cidr(&ip.address).map_err(|why| format!("ips[{i}].address {:?}: {why}", ip.address))?;
            if !ip.gateway.is_empty() && ip.gateway.parse::<std::net::IpAddr>().is_err() {
                return Err(format!("ips[{i}].gateway {:?} is not an IP address", ip.gateway));
            }
            if let Some(n) = ip.interface {
                if n as usize >= self.interfaces.len() {
                    return Err(format!(
                        "ips[{i}].interface is {n}, but the result lists {} interface(s)",
                        self.interfaces.len()
                    ));
                }
            }
        }
        for (i, route) in self.routes.iter().enumerate() {
            cidr(&route.dst).map_err(|why| format!("routes[{i}].dst {:?}: {why}", route.dst))?;
            if !route.gw.is_empty() && route.gw.parse::<std::net::IpAddr>().is_err() {
                return Err(format!("routes[{i}].gw {:?} is not an IP address", route.gw));
            }
        }
        Ok(())
    }

    /// Reads a result object of any version.
    pub fn from_value(value: &Value, default_version: &str) -> Result<CniResult, String> {
        if value.is_null() {
            return Ok(CniResult {
                cni_version: default_version.to_string(),
                ..Default::default()
            });
        }
        if !value.is_object() {
            return Err(format!("a result must be a JSON object, not {value}"));
        }
        let version = match value.get("cniVersion").and_then(Value::as_str) {
            Some(v) if !v.is_empty() => v.to_string(),
            _ => default_version.to_string(),
        };
        let mut result = match Family::of(&version)? {
            Family::V02 => {
                let wire: Wire02 = serde_json::from_value(value.clone())
                    .map_err(|e| format!("not a {version} result: {e}"))?;
                let mut result = CniResult { dns: wire.dns, ..Default::default() };
                for ip in [wire.ip4, wire.ip6].into_iter().flatten() {
                    result.ips.push(IpConfig {
                        interface: None,
                        address: ip.ip,
                        gateway: ip.gateway,
                    });
                    result.routes.extend(ip.routes.into_iter().map(|r| Route {
                        dst: r.dst,
                        gw: r.gw,
                        ..Default::default()
                    }));
                }
                result
            }
            // 0.3.x/0.4.0 differ from 1.x only by `ips[].version`, which the model derives.
            Family::V04 | Family::V1 => {
                let wire: Wire1 = serde_json::from_value(value.clone())
                    .map_err(|e| format!("not a {version} result: {e}"))?;
                CniResult {
                    cni_version: String::new(),
                    interfaces: wire.interfaces,
                    ips: wire.ips,
                    routes: wire.routes,
                    dns: wire.dns,
                }
            }
        };
        result.cni_version = version;
        Ok(result)
    }

    /// The result converted to `version`, as the reference converters do: down to 0.2.0
    /// only the first IPv4 and IPv6 survive and a result with no address cannot convert;
    /// from 1.x to 0.4.0 interface MTU, socket path and PCI ID are lost.
    pub fn convert(&self, version: &str) -> Result<CniResult, String> {
        let from = Family::of(&self.cni_version)?;
        let to = Family::of(version)?;
        let mut out = self.clone();
        out.cni_version = version.to_string();
        if from == to {
            return Ok(out);
        }
        match to {
            Family::V02 => {
                let v4 = self.ips.iter().find(|ip| !is_ipv6(&ip.address));
                let v6 = self.ips.iter().find(|ip| is_ipv6(&ip.address));
                if v4.is_none() && v6.is_none() {
                    return Err(format!(
                        "cannot convert the {} result to {version}: no valid IP addresses",
                        self.cni_version
                    ));
                }
                out.interfaces.clear();
                out.ips = [v4, v6]
                    .into_iter()
                    .flatten()
                    .map(|ip| IpConfig { interface: None, ..ip.clone() })
                    .collect();
                out.routes = self
                    .routes
                    .iter()
                    .map(|r| Route { dst: r.dst.clone(), gw: r.gw.clone(), ..Default::default() })
                    .collect();
            }
            Family::V04 if from == Family::V1 => {
                for iface in &mut out.interfaces {
                    iface.mtu = 0;
                    iface.socket_path.clear();
                    iface.pci_id.clear();
                }
            }
            Family::V04 | Family::V1 => {}
        }
        Ok(out)
    }

    /// The result as JSON at its own version, in the reference field order.
    pub fn to_json(&self) -> Value {
        match Family::of(&self.cni_version).unwrap_or(Family::V1) {
            Family::V1 => serde_json::to_value(self.wire1()),
            Family::V04 => serde_json::to_value(self.wire04()),
            Family::V02 => serde_json::to_value(self.wire02()),
        }
        .expect("result types always serialize")
    }

    pub(super) fn wire1(&self) -> Wire1 {
        Wire1 {
            cni_version: self.cni_version.clone(),
            interfaces: self.interfaces.clone(),
            ips: self.ips.clone(),
            routes: self.routes.clone(),
            dns: self.dns.clone(),
        }
    }

    pub(super) fn wire04(&self) -> Wire04 {
        Wire04 {
            cni_version: self.cni_version.clone(),
            interfaces: self.interfaces.clone(),
            ips: self
                .ips
                .iter()
                .map(|ip| IpConfig04 {
                    version: if is_ipv6(&ip.address) { "6" } else { "4" },
                    interface: ip.interface,
                    address: ip.address.clone(),
                    gateway: ip.gateway.clone(),
                })
                .collect(),
            routes: self.routes.clone(),
            dns: self.dns.clone(),
        }
    }

    pub(super) fn wire02(&self) -> Wire02 {
        let pick = |v6: bool| {
            self.ips.iter().find(|ip| is_ipv6(&ip.address) == v6).map(|ip| Ip02 {
                ip: ip.address.clone(),
                gateway: ip.gateway.clone(),
                routes: self
                    .routes
                    .iter()
                    .filter(|r| is_ipv6(&r.dst) == v6)
                    .map(|r| Route02 { dst: r.dst.clone(), gw: r.gw.clone() })
                    .collect(),
            })
        };
        Wire02 {
            cni_version: self.cni_version.clone(),
            ip4: pick(false),
            ip6: pick(true),
            dns: self.dns.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_that_no_runtime_can_use_are_refused() {
        let bad = [
            r#"{"cniVersion":"1.0.0","ips":[{"address":"999.1.2.3/40"}]}"#,
            r#"{"cniVersion":"1.0.0","ips":[{"address":"10.1.2.3/33"}]}"#,
            r#"{"cniVersion":"1.0.0","ips":[{"address":"10.1.2.3"}]}"#,
            r#"{"cniVersion":"1.0.0","ips":[{"address":"10.1.2.3/24","gateway":"x"}]}"#,
            r#"{"cniVersion":"1.0.0","interfaces":[{"name":"eth0"}],"ips":[{"address":"10.1.2.3/24","interface":1}]}"#,
            r#"{"cniVersion":"1.0.0","routes":[{"dst":"0.0.0.0"}]}"#,
            "",
            "  \n",
        ];
        for text in bad {
            assert!(CniResult::from_stdout(text.as_bytes(), "1.0.0").is_err(), "{text}");
        }
        let good = r#"{"cniVersion":"1.0.0","interfaces":[{"name":"eth0"}],
            "ips":[{"address":"fd00::2/64","gateway":"fd00::1","interface":0}],
            "routes":[{"dst":"0.0.0.0/0","gw":"10.0.0.1"}]}"#;
        assert!(CniResult::from_stdout(good.as_bytes(), "1.0.0").is_ok());
        assert!(CniResult::from_stdout(b"null", "1.0.0").is_ok());
    }
    use serde_json::json;

    fn v1_result() -> Value {
        json!({
            "cniVersion": "1.0.0",
            "interfaces": [
                {"name": "veth1", "mac": "aa:bb:cc:dd:ee:01"},
                {"name": "eth0", "mac": "aa:bb:cc:dd:ee:02", "mtu": 1400, "sandbox": "/run/netns/x"}
            ],
            "ips": [
                {"interface": 1, "address": "10.1.0.5/24", "gateway": "10.1.0.1"},
                {"interface": 1, "address": "fd00::5/64"}
            ],
            "routes": [{"dst": "0.0.0.0/0", "gw": "10.1.0.1"}, {"dst": "::/0"}],
            "dns": {"nameservers": ["10.1.0.1"]}
        })
    }

    #[test]
    fn reads_every_family() {
        let r = CniResult::from_value(&v1_result(), "1.0.0").unwrap();
        assert_eq!(r.interfaces.len(), 2);
        assert_eq!(r.ips[0].interface, Some(1));
        assert_eq!(r.interfaces[1].mtu, 1400);

        let old = json!({"cniVersion": "0.2.0", "ip4": {"ip": "10.2.0.3/16", "gateway": "10.2.0.1",
            "routes": [{"dst": "0.0.0.0/0"}]}, "dns": {}});
        let r = CniResult::from_value(&old, "0.2.0").unwrap();
        assert_eq!(r.ips[0].address, "10.2.0.3/16");
        assert_eq!(r.routes[0].dst, "0.0.0.0/0");

        let mid =
            json!({"cniVersion": "0.3.1", "ips": [{"version": "4", "address": "10.3.0.2/24"}]});
        let r = CniResult::from_value(&mid, "0.3.1").unwrap();
        assert_eq!(r.ips[0].address, "10.3.0.2/24");
    }

    #[test]
    fn null_output_is_an_empty_result_at_the_config_version() {
        // Empty output is a protocol violation (see results_that_no_runtime_can_use...).
        for out in [&b"null"[..], b" null\n"] {
            let r = CniResult::from_stdout(out, "0.4.0").unwrap();
            assert_eq!(r.cni_version, "0.4.0");
            assert!(r.ips.is_empty());
        }
        assert!(CniResult::from_stdout(b"not json", "1.0.0").is_err());
        assert!(CniResult::from_stdout(b"[1]", "1.0.0").is_err());
    }

    #[test]
    fn missing_version_takes_the_configuration_version() {
        let r =
            CniResult::from_value(&json!({"ips": [{"address": "10.0.0.2/8"}]}), "0.4.0").unwrap();
        assert_eq!(r.cni_version, "0.4.0");
        assert_eq!(r.to_json()["ips"][0]["version"], "4");
    }

    #[test]
    fn converts_down_to_040_losing_interface_details() {
        let r = CniResult::from_value(&v1_result(), "").unwrap().convert("0.4.0").unwrap();
        let out = r.to_json();
        assert_eq!(out["cniVersion"], "0.4.0");
        assert_eq!(out["ips"][1]["version"], "6");
        assert!(out["interfaces"][1].get("mtu").is_none());
    }

    #[test]
    fn converts_down_to_020_keeping_first_address_of_each_family() {
        let r = CniResult::from_value(&v1_result(), "").unwrap().convert("0.2.0").unwrap();
        let out = r.to_json();
        assert_eq!(out["ip4"]["ip"], "10.1.0.5/24");
        assert_eq!(out["ip4"]["routes"][0]["gw"], "10.1.0.1");
        assert_eq!(out["ip6"]["ip"], "fd00::5/64");
        assert_eq!(out["ip6"]["routes"][0]["dst"], "::/0");
        let empty = CniResult { cni_version: "1.0.0".into(), ..Default::default() };
        assert!(empty.convert("0.2.0").unwrap_err().contains("no valid IP addresses"));
    }

    #[test]
    fn converts_up_from_020() {
        let old = json!({"cniVersion": "0.2.0", "ip4": {"ip": "10.2.0.3/16"}});
        let r = CniResult::from_value(&old, "").unwrap().convert("1.0.0").unwrap();
        assert_eq!(r.to_json()["ips"][0]["address"], "10.2.0.3/16");
        assert!(CniResult::from_value(&json!({"cniVersion": "9.9.9"}), "").is_err());
    }
}
