//! `conf lint` against what the reference plugins refuse when they read their own
//! configuration: host-local's address ranges, subnets two networks share, and the
//! chained-only plugins run alone or first.

use super::lint::{expect_diag, position};
use super::{assert_contains, base, codes, counts, Dir};

/// Issue 11, item 10: host-local's ranges, checked as host-local checks them. What it
/// refuses is an error at the key; a gateway outside its subnet is a warning (host-local
/// hands it out).
#[test]
fn lint_host_local_ranges() {
    let d = Dir::new();
    d.plugin("bridge");
    d.plugin("host-local");
    let text = r#"{
  "cniVersion": "1.0.0",
  "name": "r",
  "plugins": [
    {"type": "bridge", "isGateway": true,
     "ipam": {"type": "host-local", "ranges": [
       [{"subnet": "10.88.300.0/24"}],
       [{"subnet": "10.89.0.0/24", "gateway": "10.89.8"}],
       [{"subnet": "10.90.0.0/24", "gateway": "10.91.0.1", "rangeStart": "10.90.1.1"}],
       [{"subnet": "10.92.0.0/24", "rangeStart": "10.92.0.200", "rangeEnd": "10.92.0.100"}],
       [{"subnet": "10.93.0.0/24", "rangeEnd": "10.93.0.99"},
        {"subnet": "10.93.0.0/24", "rangeStart": "10.93.0.50"}],
       [{"subnet": "10.89.0.0/16"}]
     ]}}
  ]
}
"#;
    d.write("10-r.conflist", text);
    let r = d.lint(&[], 2);
    let at = |needle: &str| Some(position(text, needle));
    let diag = expect_diag(&r, "invalid-subnet", "error", at("\"subnet\": \"10.88.300.0/24\""));
    assert_contains(diag["message"].as_str().unwrap(), "10.88.300.0/24");
    expect_diag(&r, "invalid-address", "error", at("\"gateway\": \"10.89.8\""));
    expect_diag(&r, "gateway-outside-subnet", "warning", at("\"gateway\": \"10.91.0.1\""));
    expect_diag(&r, "range-outside-subnet", "error", at("\"rangeStart\": \"10.90.1.1\""));
    expect_diag(&r, "range-reversed", "error", at("\"rangeEnd\": \"10.92.0.100\""));
    expect_diag(&r, "ranges-overlap", "error", at("\"subnet\": \"10.93.0.0/24\", \"rangeStart\""));
    let diag = expect_diag(&r, "ranges-overlap", "error", at("\"subnet\": \"10.89.0.0/16\""));
    assert_contains(diag["message"].as_str().unwrap(), "10.89.0.0/24");
    assert_eq!(counts(&r), (6, 1));

    // The old single range at the top of "ipam", with its host bits set.
    let e = Dir::new();
    e.plugin("bridge");
    e.plugin("host-local");
    let old = "{\"cniVersion\": \"0.3.1\", \"name\": \"o\", \"type\": \"bridge\",\n \"ipam\": {\"type\": \"host-local\", \"subnet\": \"10.1.2.3/24\"}}";
    e.write("10-o.conf", old);
    let r = e.lint(&[], 2);
    let diag = expect_diag(&r, "invalid-subnet", "error", Some(position(old, "\"subnet\"")));
    assert_contains(diag["fix"].as_str().unwrap(), "10.1.2.0/24");
}

/// Issue 11, item 10: subnets that two networks of the directory share are a warning on
/// each file (host-local keeps each network's leases apart, so both hand out the same
/// addresses); a file linted alone has no neighbours.
#[test]
fn lint_subnets_shared_by_two_networks() {
    let d = Dir::new();
    d.plugin("bridge");
    d.plugin("host-local");
    let a = "{\"cniVersion\": \"1.0.0\", \"name\": \"a\", \"plugins\": [{\"type\": \"bridge\",\n \"ipam\": {\"type\": \"host-local\", \"ranges\": [[{\"subnet\": \"10.50.0.0/16\"}]]}}]}";
    let b = "{\"cniVersion\": \"1.0.0\", \"name\": \"b\", \"type\": \"bridge\",\n \"ipam\": {\"type\": \"host-local\", \"subnet\": \"10.50.7.0/24\"}}";
    let c = "{\"cniVersion\": \"1.0.0\", \"name\": \"c\", \"type\": \"bridge\",\n \"ipam\": {\"type\": \"host-local\", \"subnet\": \"10.51.0.0/24\"}}";
    let path = d.write("10-a.conflist", a);
    d.write("20-b.conf", b);
    d.write("30-c.conf", c);
    let r = d.lint(&[], 0);
    let diag =
        expect_diag(&r, "subnet-overlaps-network", "warning", Some(position(a, "\"subnet\"")));
    assert_eq!(base(&diag["file"]), "10-a.conflist");
    assert_contains(diag["message"].as_str().unwrap(), "\"b\" (20-b.conf)");
    let diag =
        expect_diag(&r, "subnet-overlaps-network", "warning", Some(position(b, "\"subnet\"")));
    assert_eq!(base(&diag["file"]), "20-b.conf");
    assert_eq!(counts(&r), (0, 2));
    assert_eq!(codes(&d.lint(&[&path.to_string_lossy()], 0)), Vec::<&str>::new());
}

/// Issue 11, item 10: portmap, tuning and the other chained plugins fail ADD without a
/// prevResult ("must be called as chained plugin"), alone in a .conf or first in a list.
#[test]
fn lint_a_chained_plugin_alone_or_first() {
    let d = Dir::new();
    for p in ["portmap", "tuning", "bridge"] {
        d.plugin(p);
    }
    let single = "{\"cniVersion\": \"1.0.0\", \"name\": \"pm\",\n \"type\": \"portmap\", \"capabilities\": {\"portMappings\": true}}";
    let first = "{\"cniVersion\": \"1.0.0\", \"name\": \"t\", \"plugins\": [\n {\"type\": \"tuning\"}, {\"type\": \"bridge\"}]}";
    let fine = "{\"cniVersion\": \"1.0.0\", \"name\": \"f\", \"plugins\": [\n {\"type\": \"bridge\"}, {\"type\": \"portmap\"}, {\"type\": \"tuning\"}]}";
    d.write("10-pm.conf", single);
    d.write("20-t.conflist", first);
    d.write("30-f.conflist", fine);
    let r = d.lint(&[], 2);
    let diag = expect_diag(&r, "list-only-plugin", "error", Some(position(single, "\"type\"")));
    assert_contains(diag["fix"].as_str().unwrap(), ".conflist");
    expect_diag(&r, "chained-plugin-first", "error", Some(position(first, "\"type\": \"tuning\"")));
    assert_eq!(counts(&r), (2, 0));
}
