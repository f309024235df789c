//! host-local's address ranges, checked as host-local checks them when it loads its
//! configuration (its allocator's `LoadIPAMConfig` and `Canonicalize`, plugins v1.7.1), so
//! that what it would refuse is an error and what it accepts but is surely a mistake is a
//! warning: subnets that do not parse, have host bits set or are too small; `rangeStart`
//! and `rangeEnd` outside their subnet or reversed; ranges of one configuration that
//! overlap. The subnets it accepts are what `overlap` compares across networks.
//!
//! Addresses are read as Go's `net.ParseIP` and `net.ParseCIDR` read them (Rust's parsers
//! agree with them on what they accept: no leading zeros, no zones), and an IPv4-mapped
//! IPv6 address counts as IPv4, as host-local's `canonicalizeIP` makes it.

use std::net::IpAddr;

use serde_json::{Map, Value};

use super::lint::{Finding, Severity};
use crate::spec::version::Version;

/// An address: its family and its bits (IPv4 in the low 32).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Addr {
    pub v6: bool,
    pub bits: u128,
}

impl Addr {
    fn of(ip: IpAddr) -> Addr {
        match ip {
            IpAddr::V4(v4) => Addr { v6: false, bits: u32::from(v4).into() },
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => Addr { v6: false, bits: u32::from(v4).into() },
                None => Addr { v6: true, bits: u128::from(v6) },
            },
        }
    }

    fn show(self) -> String {
        if self.v6 {
            std::net::Ipv6Addr::from(self.bits).to_string()
        } else {
            std::net::Ipv4Addr::from(self.bits as u32).to_string()
        }
    }
}

/// An address as `net.ParseIP` reads it.
pub fn parse_ip(text: &str) -> Option<IpAddr> {
    text.parse().ok()
}

/// ADDRESS/PREFIX as `net.ParseCIDR` reads it: the address as written (host bits kept) and
/// the prefix length.
pub fn parse_cidr(text: &str) -> Option<(IpAddr, u32)> {
    let (addr, prefix) = text.split_once('/')?;
    let addr = parse_ip(addr)?;
    if prefix.is_empty() || prefix.len() > 3 || !prefix.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let prefix: u32 = prefix.parse().ok()?;
    let bits = if addr.is_ipv4() { 32 } else { 128 };
    (prefix <= bits).then_some((addr, prefix))
}

/// A subnet of a host-local range, for the checks across networks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subnet {
    pub v6: bool,
    /// The network address and the last address of the subnet.
    pub first: u128,
    pub last: u128,
    /// As written.
    pub text: String,
    /// The JSON pointer of its `"subnet"` key.
    pub pointer: String,
}

/// One range of a range set, once its subnet has parsed.
struct Range {
    subnet: Subnet,
    /// The addresses host-local allocates from, defaults filled in as host-local fills them.
    start: u128,
    end: u128,
    /// Whether host-local accepts this range (only then is it compared with others).
    valid: bool,
}

/// The mask of the host part of a `prefix` in a family of `width` bits.
fn host_mask(width: u32, prefix: u32) -> u128 {
    if prefix >= width {
        0
    } else {
        (u128::MAX >> (128 - width)) >> prefix
    }
}

/// Checks host-local's ranges in `ipam` (an object at pointer `at`) of a plugin configured
/// at `plugin`, and returns the subnets that host-local would accept.
pub fn host_local(
    plugin: &Map<String, Value>,
    ipam: &Map<String, Value>,
    at: &str,
    cni_version: &str,
    out: &mut Vec<Finding>,
) -> Vec<Subnet> {
    // The old single range at the top of "ipam" comes first, as host-local prepends it.
    let mut sets: Vec<(String, Vec<Range>)> = Vec::new();
    if let Some(Value::String(_)) = ipam.get("subnet") {
        let range = range(ipam, at, out);
        sets.push(("the range at the top of \"ipam\"".into(), range.into_iter().collect()));
    }
    // A "subnet" or "ranges" of the wrong type is the field checks' finding, not a second.
    let mut written = ipam.contains_key("subnet")
        || ipam.get("ranges").is_some_and(|r| !matches!(r, Value::Array(_)));
    if let Some(Value::Array(given)) = ipam.get("ranges") {
        written |= !given.is_empty();
        for (i, set) in given.iter().enumerate() {
            let Value::Array(items) = set else { continue };
            let pointer = format!("{at}/ranges/{i}");
            if items.is_empty() {
                out.push(Finding::new(
                    Severity::Error,
                    "empty-range-set",
                    &pointer,
                    format!("ranges[{i}] is empty: host-local refuses an empty range set"),
                    "remove it, or give it a range: [{\"subnet\": \"10.88.0.0/16\"}]",
                ));
            }
            let ranges = items.iter().enumerate().filter_map(|(j, item)| match item {
                Value::Object(r) => range(r, &format!("{pointer}/{j}"), out),
                _ => None,
            });
            sets.push((format!("ranges[{i}]"), ranges.collect()));
        }
    }
    if sets.is_empty() && !written && !ranges_at_run_time(plugin) {
        out.push(Finding::new(
            Severity::Error,
            "host-local-no-ranges",
            at,
            "host-local has no range to allocate from (no \"subnet\" and no \"ranges\"): it \
             fails with \"no IP ranges specified\""
                .into(),
            "add \"ranges\": [[{\"subnet\": \"10.88.0.0/16\"}]] to \"ipam\"",
        ));
    }
    for (_, set) in &mut sets {
        families_and_overlaps_in_set(set, out);
    }
    overlaps_between_sets(&sets, out);
    per_family_before_0_3(&sets, at, cni_version, out);
    sets.into_iter()
        .flat_map(|(_, set)| set.into_iter())
        .filter(|r| r.valid)
        .map(|r| r.subnet)
        .collect()
}

/// The plugin declares the ipRanges capability, or its file carries the ranges itself.
fn ranges_at_run_time(plugin: &Map<String, Value>) -> bool {
    let declared = plugin
        .get("capabilities")
        .and_then(|c| c.get("ipRanges"))
        .is_some_and(|on| on.as_bool() == Some(true));
    let given = plugin.get("runtimeConfig").and_then(|r| r.get("ipRanges")).is_some();
    declared || given
}

/// One range object at `at`: its subnet (when it parses; the field checks report one that
/// does not), its gateway, rangeStart and rangeEnd.
fn range(fields: &Map<String, Value>, at: &str, out: &mut Vec<Finding>) -> Option<Range> {
    let text = fields.get("subnet")?.as_str()?;
    let (ip, prefix) = parse_cidr(text)?;
    let addr = Addr::of(ip);
    let width = if ip.is_ipv4() { 32 } else { 128 };
    if addr.v6 != ip.is_ipv6() {
        // An IPv4-mapped subnet: host-local finds its address and mask of two sizes.
        return None;
    }
    let pointer = format!("{at}/subnet");
    let host = host_mask(width, prefix);
    let first = addr.bits & !host;
    let last = addr.bits | host;
    let subnet = Subnet { v6: addr.v6, first, last, text: text.to_string(), pointer };
    let mut valid = subnet_accepted(&subnet, addr.bits, prefix, width, out);
    let (start, end) = match addresses(fields, at, &subnet, out) {
        Some(bounds) => bounds,
        None => {
            valid = false;
            (first, last)
        }
    };
    if valid && end < start {
        out.push(Finding::new(
            Severity::Error,
            "range-reversed",
            &format!("{at}/rangeEnd"),
            format!(
                "rangeEnd {} comes before rangeStart {}: host-local refuses it (\"RangeEnd ... not \
                 in network\")",
                Addr { v6: addr.v6, bits: end }.show(),
                Addr { v6: addr.v6, bits: start }.show()
            ),
            "swap rangeStart and rangeEnd",
        ));
        valid = false;
    }
    Some(Range { subnet, start, end, valid })
}

/// Whether host-local takes the subnet as written: no host bits, room to allocate.
fn subnet_accepted(
    subnet: &Subnet,
    bits: u128,
    prefix: u32,
    width: u32,
    out: &mut Vec<Finding>,
) -> bool {
    let text = &subnet.text;
    let mut accepted = true;
    if bits != subnet.first {
        let network = format!("{}/{prefix}", Addr { v6: subnet.v6, bits: subnet.first }.show());
        out.push(Finding::new(
            Severity::Error,
            "invalid-subnet",
            &subnet.pointer,
            format!(
                "subnet {text} has host bits set: host-local refuses it (\"Network has host bits \
                 set\"); the network is {network}"
            ),
            &format!("write \"subnet\": \"{network}\""),
        ));
        accepted = false;
    }
    if prefix + 2 > width {
        out.push(Finding::new(
            Severity::Error,
            "invalid-subnet",
            &subnet.pointer,
            format!("subnet {text} is too small for host-local to allocate from"),
            if subnet.v6 {
                "use a prefix of /126 or shorter"
            } else {
                "use a prefix of /30 or shorter"
            },
        ));
        accepted = false;
    }
    accepted
}

/// The gateway, rangeStart and rangeEnd of a range against its subnet. Returns the
/// addresses host-local allocates from (its defaults filled in as it fills them), or
/// `None` when rangeStart or rangeEnd is outside the subnet, which host-local refuses.
fn addresses(
    fields: &Map<String, Value>,
    at: &str,
    subnet: &Subnet,
    out: &mut Vec<Finding>,
) -> Option<(u128, u128)> {
    let text = &subnet.text;
    let inside = |a: Addr| a.v6 == subnet.v6 && a.bits >= subnet.first && a.bits <= subnet.last;
    let family = if subnet.v6 { "IPv6" } else { "IPv4" };
    let address = |key: &str| {
        fields.get(key).and_then(Value::as_str).filter(|s| !s.is_empty()).and_then(parse_ip)
    };
    if let Some(gateway) = address("gateway").map(Addr::of).filter(|g| !inside(*g)) {
        out.push(Finding::new(
            Severity::Warning,
            "gateway-outside-subnet",
            &format!("{at}/gateway"),
            format!(
                "gateway {} is not in subnet {text}: host-local hands it out as the gateway, and \
                 the container cannot reach it directly",
                gateway.show()
            ),
            &format!("give an {family} address inside {text}, or leave it out (the first address)"),
        ));
    }
    let mut start = subnet.first + 1;
    let mut end = if subnet.v6 { subnet.last } else { subnet.last.saturating_sub(1) };
    let mut accepted = true;
    for key in ["rangeStart", "rangeEnd"] {
        let Some(given) = address(key).map(Addr::of) else { continue };
        if !inside(given) {
            out.push(Finding::new(
                Severity::Error,
                "range-outside-subnet",
                &format!("{at}/{key}"),
                format!(
                    "{key} {} is not in subnet {text}: host-local refuses it (\"{key} ... not in \
                     network\")",
                    given.show()
                ),
                &format!("give an {family} address inside {text}, or leave {key} out"),
            ));
            accepted = false;
        } else if key == "rangeStart" {
            start = given.bits;
        } else {
            end = given.bits;
        }
    }
    accepted.then_some((start, end))
}

fn overlap(a: &Range, b: &Range) -> bool {
    a.valid && b.valid && a.subnet.v6 == b.subnet.v6 && a.start <= b.end && b.start <= a.end
}

/// A range set holds one family, and its ranges do not overlap.
fn families_and_overlaps_in_set(set: &mut [Range], out: &mut Vec<Finding>) {
    let Some(first) = set.first().map(|r| r.subnet.v6) else { return };
    for r in set.iter_mut().skip(1) {
        if r.subnet.v6 != first {
            out.push(Finding::new(
                Severity::Error,
                "mixed-families",
                &r.subnet.pointer,
                format!(
                    "subnet {} is of another address family than the first range of its set: \
                     host-local refuses a set that mixes IPv4 and IPv6",
                    r.subnet.text
                ),
                "put IPv4 and IPv6 ranges in separate sets: \"ranges\": [[{...v4...}], [{...v6...}]]",
            ));
            r.valid = false;
        }
    }
    for j in 1..set.len() {
        if let Some(i) = (0..j).find(|&i| overlap(&set[i], &set[j])) {
            out.push(Finding::new(
                Severity::Error,
                "ranges-overlap",
                &set[j].subnet.pointer,
                format!(
                    "the range of {} overlaps the range of {} in the same set: host-local \
                     refuses overlapping ranges",
                    set[j].subnet.text, set[i].subnet.text
                ),
                "make the ranges disjoint (rangeStart/rangeEnd), or keep one of them",
            ));
        }
    }
}

/// Two range sets of one configuration may not overlap either.
fn overlaps_between_sets(sets: &[(String, Vec<Range>)], out: &mut Vec<Finding>) {
    for j in 1..sets.len() {
        let earlier = (0..j).find_map(|i| {
            let pair = sets[j]
                .1
                .iter()
                .find_map(|b| sets[i].1.iter().find(|a| overlap(a, b)).map(|a| (a, b)));
            pair.map(|(a, b)| (i, a, b))
        });
        if let Some((i, a, b)) = earlier {
            out.push(Finding::new(
                Severity::Error,
                "ranges-overlap",
                &b.subnet.pointer,
                format!(
                    "{} overlaps {} ({} and {}): host-local refuses range sets that overlap",
                    sets[j].0, sets[i].0, b.subnet.text, a.subnet.text
                ),
                "give each range set its own addresses, or remove one",
            ));
        }
    }
}

/// Before 0.3.0 a result holds one address per family, so host-local refuses more sets.
fn per_family_before_0_3(
    sets: &[(String, Vec<Range>)],
    at: &str,
    version: &str,
    out: &mut Vec<Finding>,
) {
    let multi = Version::parse(version).is_ok_and(|v| v >= Version(0, 3, 0));
    if multi {
        return;
    }
    for v6 in [false, true] {
        let count =
            sets.iter().filter(|(_, s)| s.first().is_some_and(|r| r.subnet.v6 == v6)).count();
        if count > 1 {
            let shown = if version.is_empty() { "none (0.1.0)" } else { version };
            out.push(Finding::new(
                Severity::Error,
                "ranges-need-0.3.0",
                at,
                format!(
                    "{count} {} range sets with cniVersion {shown}: before 0.3.0 a result holds one \
                     address per family, and host-local refuses more",
                    if v6 { "IPv6" } else { "IPv4" }
                ),
                "set cniVersion to 0.3.0 or later, or keep one range set per family",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(ipam: Value, version: &str) -> (Vec<(&'static str, String)>, Vec<Subnet>) {
        let mut out = Vec::new();
        let plugin = Map::new();
        let subnets = host_local(&plugin, ipam.as_object().unwrap(), "/ipam", version, &mut out);
        (out.into_iter().map(|f| (f.code, f.pointer)).collect(), subnets)
    }

    #[test]
    fn addresses_parse_as_go_parses_them() {
        assert!(parse_cidr("10.88.300.0/24").is_none());
        assert!(parse_cidr("10.88.0.0/33").is_none());
        assert!(parse_cidr("10.88.0.0").is_none());
        assert!(parse_cidr("10.88.0.0/+8").is_none());
        assert_eq!(parse_cidr("fd00::/64").map(|c| c.1), Some(64));
        assert!(parse_ip("10.89.8").is_none());
        assert!(parse_ip("010.1.1.1").is_none(), "Go refuses leading zeros");
        assert!(parse_ip("::ffff:10.1.1.1").is_some());
    }

    #[test]
    fn a_clean_configuration_has_no_findings() {
        let (found, subnets) = check(
            json!({"ranges": [[{"subnet": "10.88.0.0/16", "gateway": "10.88.0.1",
                                "rangeStart": "10.88.1.0", "rangeEnd": "10.88.1.255"}],
                              [{"subnet": "fd00::/64"}]]}),
            "1.0.0",
        );
        assert_eq!(found, []);
        assert_eq!(subnets.len(), 2);
        assert_eq!((subnets[0].first, subnets[0].last), (0x0A58_0000, 0x0A58_FFFF));
    }

    #[test]
    fn what_host_local_refuses_is_an_error_at_its_key() {
        let (found, _) = check(
            json!({"subnet": "10.88.0.1/24", "ranges": [
                [{"subnet": "10.89.0.0/24", "rangeStart": "10.90.0.5"}],
                [{"subnet": "10.91.0.0/24", "rangeStart": "10.91.0.9", "rangeEnd": "10.91.0.3"}],
                [{"subnet": "10.92.0.0/31"}],
                [],
                [{"subnet": "10.93.0.0/24"}, {"subnet": "fd00::/64"}]]}),
            "1.0.0",
        );
        let want = [
            ("invalid-subnet", "/ipam/subnet"),
            ("empty-range-set", "/ipam/ranges/3"),
            ("range-outside-subnet", "/ipam/ranges/0/0/rangeStart"),
            ("range-reversed", "/ipam/ranges/1/0/rangeEnd"),
            ("invalid-subnet", "/ipam/ranges/2/0/subnet"),
            ("mixed-families", "/ipam/ranges/4/1/subnet"),
        ];
        for (code, pointer) in want {
            assert!(found.contains(&(code, pointer.to_string())), "{code} at {pointer}: {found:?}");
        }
        assert_eq!(found.len(), want.len(), "{found:?}");
    }

    #[test]
    fn overlaps_within_a_set_and_between_sets_are_errors() {
        let (found, _) = check(
            json!({"subnet": "10.1.0.0/16", "ranges": [
                [{"subnet": "10.2.0.0/24", "rangeEnd": "10.2.0.100"},
                 {"subnet": "10.2.0.0/24", "rangeStart": "10.2.0.50"}],
                [{"subnet": "10.1.2.0/24"}]]}),
            "1.0.0",
        );
        let want = ["/ipam/ranges/0/1/subnet", "/ipam/ranges/1/0/subnet"];
        assert_eq!(found, want.map(|p| ("ranges-overlap", p.to_string())));
    }

    #[test]
    fn a_gateway_outside_is_a_warning_and_no_range_is_an_error() {
        let mut out = Vec::new();
        let ipam = json!({"subnet": "10.88.0.0/24", "gateway": "10.89.0.1"});
        host_local(&Map::new(), ipam.as_object().unwrap(), "/ipam", "1.0.0", &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!((out[0].code, out[0].severity), ("gateway-outside-subnet", Severity::Warning));

        let (found, _) = check(json!({"routes": []}), "1.0.0");
        assert_eq!(found, [("host-local-no-ranges", "/ipam".to_string())]);
        let plugin = json!({"capabilities": {"ipRanges": true}});
        let mut out = Vec::new();
        host_local(plugin.as_object().unwrap(), &Map::new(), "/ipam", "1.0.0", &mut out);
        assert!(out.is_empty(), "ranges come at run time: {:?}", out[0].message);
    }

    #[test]
    fn two_sets_of_one_family_need_0_3_0() {
        let ipam = json!({"ranges": [[{"subnet": "10.1.0.0/24"}], [{"subnet": "10.2.0.0/24"}]]});
        assert_eq!(check(ipam.clone(), "0.2.0").0, [("ranges-need-0.3.0", "/ipam".to_string())]);
        assert_eq!(check(ipam, "0.3.0").0, []);
    }
}
