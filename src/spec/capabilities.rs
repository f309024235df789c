//! Capability arguments (CONVENTIONS.md, "Dynamic Plugin specific fields"): the JSON object
//! a runtime hands the chain as `runtimeConfig`, built from a raw JSON object and the
//! convenience flags for the well-known capabilities (`portMappings`, `ips`, `mac`,
//! `bandwidth`). Pure: it parses and builds, nothing else.

use serde_json::{Map, Value};

/// What the user gave: the raw object, and the flags laid on top of it.
#[derive(Debug, Clone, Default)]
pub struct Given<'a> {
    /// `--cap-args` / `CAP_ARGS`: a JSON object.
    pub raw: Option<&'a str>,
    /// `[HOST_IP:]HOST_PORT:CONTAINER_PORT[/PROTO]`, each.
    pub port_mappings: &'a [String],
    pub ips: &'a [String],
    pub mac: Option<&'a str>,
    /// `ingressRate=N,ingressBurst=N,egressRate=N,egressBurst=N`.
    pub bandwidth: Option<&'a str>,
}

/// The capability arguments: the raw object, then the flags on top.
pub fn build(given: &Given) -> Result<Map<String, Value>, String> {
    let mut caps = match given.raw.map(str::trim) {
        None | Some("") => Map::new(),
        Some(text) => match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => map,
            Ok(_) => return Err("--cap-args / CAP_ARGS must be a JSON object".into()),
            Err(e) => {
                return Err(format!(
                    "--cap-args / CAP_ARGS is not valid JSON (column {}): {e}",
                    e.column()
                ))
            }
        },
    };
    if !given.port_mappings.is_empty() {
        let list: Vec<Value> =
            given.port_mappings.iter().map(|m| port_mapping(m)).collect::<Result<_, _>>()?;
        caps.insert("portMappings".into(), Value::Array(list));
    }
    if !given.ips.is_empty() {
        for ip in given.ips {
            check_ip(ip)?;
        }
        caps.insert("ips".into(), given.ips.iter().map(|s| Value::String(s.clone())).collect());
    }
    if let Some(mac) = given.mac {
        check_mac(mac)?;
        caps.insert("mac".into(), Value::String(mac.to_string()));
    }
    if let Some(spec) = given.bandwidth {
        caps.insert("bandwidth".into(), bandwidth(spec)?);
    }
    Ok(caps)
}

/// An `ips` entry: an address with its prefix length, as the static IPAM plugin and the
/// convention take it (`10.1.2.3/24`, `fd00::3/64`).
fn check_ip(text: &str) -> Result<(), String> {
    let bad = || format!("invalid --ip {text:?}: expected ADDRESS/PREFIX, e.g. 10.22.0.5/24");
    let (addr, prefix) = text.split_once('/').ok_or_else(bad)?;
    let addr: std::net::IpAddr = addr.parse().map_err(|_| bad())?;
    let max = if addr.is_ipv4() { 32 } else { 128 };
    prefix.parse::<u8>().ok().filter(|p| *p <= max).map(|_| ()).ok_or_else(bad)
}

/// A `mac` value: six two-digit hex octets separated by colons, as the tuning plugin takes.
fn check_mac(text: &str) -> Result<(), String> {
    let octets: Vec<&str> = text.split(':').collect();
    let hex = |o: &&str| o.len() == 2 && o.chars().all(|c| c.is_ascii_hexdigit());
    if octets.len() == 6 && octets.iter().all(hex) {
        return Ok(());
    }
    Err(format!("invalid --mac {text:?}: expected six hex octets, e.g. 02:42:ac:11:00:02"))
}

/// The capability arguments that no plugin of the chain declares, so none receives them
/// (CONVENTIONS: only declared capabilities are injected as `runtimeConfig`).
pub fn unused(caps: &Map<String, Value>, declared: &[String]) -> Vec<String> {
    caps.keys().filter(|k| !declared.contains(k)).cloned().collect()
}

/// `[HOST_IP:]HOST_PORT:CONTAINER_PORT[/PROTO]` to the portMappings convention's object.
pub fn port_mapping(text: &str) -> Result<Value, String> {
    let bad = || {
        format!(
            "invalid --port-mapping {text:?}: expected [HOST_IP:]HOST_PORT:CONTAINER_PORT[/tcp|udp|sctp]"
        )
    };
    let (ports, protocol) = match text.rsplit_once('/') {
        Some((ports, proto)) if ["tcp", "udp", "sctp"].contains(&proto) => (ports, proto),
        Some(_) => return Err(bad()),
        None => (text, "tcp"),
    };
    let (host, container) = ports.rsplit_once(':').ok_or_else(bad)?;
    let (host_ip, host_port) = match host.rsplit_once(':') {
        Some((ip, port)) => (Some(ip.trim_start_matches('[').trim_end_matches(']')), port),
        None => (None, host),
    };
    let port = |p: &str| p.parse::<u16>().ok().filter(|n| *n > 0).ok_or_else(bad);
    let mut map = Map::new();
    map.insert("hostPort".into(), port(host_port)?.into());
    map.insert("containerPort".into(), port(container)?.into());
    map.insert("protocol".into(), protocol.into());
    if let Some(ip) = host_ip {
        map.insert("hostIP".into(), ip.into());
    }
    Ok(Value::Object(map))
}

/// `ingressRate=N,...` to the bandwidth convention's object.
pub fn bandwidth(text: &str) -> Result<Value, String> {
    const KEYS: [&str; 4] = ["ingressRate", "ingressBurst", "egressRate", "egressBurst"];
    let mut map = Map::new();
    for item in text.split(',').filter(|s| !s.is_empty()) {
        let parsed = item
            .split_once('=')
            .and_then(|(k, v)| KEYS.iter().find(|key| **key == k).zip(v.parse::<u64>().ok()));
        let Some((key, value)) = parsed else {
            return Err(format!(
                "invalid --bandwidth item {item:?}: expected KEY=NUMBER with KEY one of {}",
                KEYS.join(", ")
            ));
        };
        map.insert(key.to_string(), value.into());
    }
    Ok(Value::Object(map))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PORTS: [&str; 2] = ["8080:80", "127.0.0.1:5353:53/udp"];

    fn given() -> (Vec<String>, Vec<String>) {
        (PORTS.iter().map(|s| s.to_string()).collect(), vec!["10.1.0.9/24".to_string()])
    }

    #[test]
    fn flags_build_capability_args_on_top_of_cap_args() {
        let (ports, ips) = given();
        let caps = build(&Given {
            raw: Some(r#"{"dns":{"nameservers":["10.0.0.53"]},"mac":"02:00:00:00:00:01"}"#),
            port_mappings: &ports,
            ips: &ips,
            mac: Some("02:00:00:00:00:02"),
            bandwidth: Some("ingressRate=1000000,egressBurst=2000"),
        })
        .unwrap();
        assert_eq!(caps["dns"]["nameservers"][0], "10.0.0.53");
        assert_eq!(caps["mac"], "02:00:00:00:00:02");
        assert_eq!(
            caps["portMappings"][0],
            serde_json::json!({"hostPort":8080,"containerPort":80,"protocol":"tcp"})
        );
        assert_eq!(caps["portMappings"][1]["hostIP"], "127.0.0.1");
        assert_eq!(caps["portMappings"][1]["protocol"], "udp");
        assert_eq!(caps["ips"][0], "10.1.0.9/24");
        assert_eq!(caps["bandwidth"]["ingressRate"], 1_000_000);
    }

    #[test]
    fn bad_capability_flags_are_refused() {
        let bad_port = ["80".to_string()];
        assert!(build(&Given { port_mappings: &bad_port, ..Given::default() }).is_err());
        assert!(build(&Given { bandwidth: Some("speed=1"), ..Given::default() }).is_err());
        assert!(build(&Given { raw: Some("[1]"), ..Given::default() }).is_err());
        assert!(build(&Given { raw: Some("{"), ..Given::default() }).is_err());
        for mac in ["zz", "02:42:ac:11:00", "02:42:ac:11:00:0g", "0242ac110002"] {
            assert!(build(&Given { mac: Some(mac), ..Given::default() }).is_err(), "{mac}");
        }
        for ip in [["10.1.2.3".to_string()], ["10.1.2.3/33".into()], ["x/24".into()]] {
            assert!(build(&Given { ips: &ip, ..Given::default() }).is_err(), "{ip:?}");
        }
        let v6 = ["fd00::3/64".to_string()];
        assert!(
            build(&Given { ips: &v6, mac: Some("02:42:AC:11:00:02"), ..Given::default() }).is_ok()
        );
    }

    #[test]
    fn capabilities_no_plugin_declares_are_named() {
        let (ports, ips) = given();
        let caps = build(&Given { port_mappings: &ports, ips: &ips, ..Given::default() }).unwrap();
        assert_eq!(unused(&caps, &["portMappings".into()]), vec!["ips".to_string()]);
        assert!(unused(&caps, &["ips".into(), "portMappings".into()]).is_empty());
    }
}
