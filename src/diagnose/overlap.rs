//! Subnets that two networks of one directory share. host-local keeps each network's
//! leases in a folder of its own, so two networks whose subnets overlap hand out the same
//! addresses, and the routes of their bridges on the host conflict: a warning on each file.

use std::path::Path;

use super::lint::{Finding, Severity};
use super::ranges::Subnet;

/// One subnet of the directory, for [`shared`].
#[derive(Debug, Clone, Copy)]
pub struct Owned<'a> {
    pub network: &'a str,
    pub subnet: &'a Subnet,
}

/// Subnets that two networks share: for each subnet that overlaps a subnet of another
/// network, the index of one such subnet. O(n log n) in the number of subnets, however
/// many overlap: each subnet is named with one partner, found by one sweep for partners
/// that start before it and one binary search for partners that start inside it.
pub fn shared(items: &[Owned]) -> Vec<(usize, usize)> {
    let key = |i: usize| (items[i].subnet.v6, items[i].subnet.first);
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| key(i));
    let network = |pos: usize| items[order[pos]].network;
    // Where the run of one network that position p is in ends (inclusive).
    let mut run_end = vec![0; order.len()];
    for p in (0..order.len()).rev() {
        run_end[p] =
            if p + 1 < order.len() && network(p + 1) == network(p) { run_end[p + 1] } else { p };
    }
    let mut partner: Vec<Option<usize>> = vec![None; items.len()];
    // Of the subnets before, the one reaching furthest, and the one reaching furthest of a
    // network other than that one's: one of the two is the best partner of the next.
    let (mut best, mut other): (Option<usize>, Option<usize>) = (None, None);
    for (p, &x) in order.iter().enumerate() {
        let s = items[x].subnet;
        if p > 0 && items[order[p - 1]].subnet.v6 != s.v6 {
            (best, other) = (None, None);
        }
        let candidate = match best {
            Some(b) if items[b].network != items[x].network => Some(b),
            _ => other,
        };
        partner[x] = candidate.filter(|&c| items[c].subnet.last >= s.first);
        if partner[x].is_none() {
            // A partner that starts inside this subnet: among the positions after p up to
            // the last that starts by s.last, one of another network.
            let hi = order.partition_point(|&i| key(i) <= (s.v6, s.last));
            let next = p + 1;
            if next < hi {
                let found = if network(next) != items[x].network {
                    Some(next)
                } else {
                    Some(run_end[next] + 1)
                };
                partner[x] = found.filter(|&q| q < hi).map(|q| order[q]);
            }
        }
        match best {
            Some(b) if items[b].subnet.last >= s.last => {
                let wider = other.is_none_or(|o| items[o].subnet.last < s.last);
                if items[b].network != items[x].network && wider {
                    other = Some(x);
                }
            }
            Some(b) => {
                if items[b].network != items[x].network {
                    other = Some(b);
                }
                best = Some(x);
            }
            None => best = Some(x),
        }
    }
    partner.into_iter().enumerate().filter_map(|(i, p)| p.map(|p| (i, p))).collect()
}

/// A file that loads, as the directory's checks see it.
#[derive(Debug, Clone, Copy)]
pub struct Network<'a> {
    pub file: &'a Path,
    pub name: &'a str,
    /// The subnets of its host-local ranges.
    pub subnets: &'a [Subnet],
}

/// Warnings for the subnets that two networks of a directory share, from the files that
/// load (each with its network and the subnets of its host-local ranges): each finding with
/// the index of the file it is about. host-local keeps each network's leases apart, so two
/// networks hand out the same addresses, and their routes on the host conflict.
pub fn shared_subnets(files: &[Network]) -> Vec<(usize, Finding)> {
    let mut owner = Vec::new();
    let mut items = Vec::new();
    for (i, file) in files.iter().enumerate() {
        for subnet in file.subnets {
            owner.push(i);
            items.push(Owned { network: file.name, subnet });
        }
    }
    shared(&items)
        .into_iter()
        .map(|(x, other)| {
            let (mine, theirs) = (items[x].subnet, items[other].subnet);
            let place = files[owner[other]].file.file_name().unwrap_or_default().to_string_lossy();
            let finding = Finding::new(
                Severity::Warning,
                "subnet-overlaps-network",
                &mine.pointer,
                format!(
                    "subnet {} overlaps {} of network {:?} ({place}): host-local keeps each \
                     network's addresses apart, so both hand out the same addresses",
                    mine.text, theirs.text, items[other].network
                ),
                "give each network a subnet of its own",
            );
            (owner[x], finding)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn subnet(text: &str) -> Subnet {
        let ipam = json!({"subnet": text});
        let mut out = Vec::new();
        let found = super::super::ranges::host_local(
            &serde_json::Map::new(),
            ipam.as_object().unwrap(),
            "/ipam",
            "1.0.0",
            &mut out,
        );
        assert!(out.is_empty(), "{text}: {:?}", out[0].message);
        found.into_iter().next().unwrap()
    }

    #[test]
    fn shared_subnets_are_found_across_networks_only() {
        let s = [
            "10.0.0.0/8",
            "10.1.0.0/16",
            "10.1.2.0/24",
            "192.168.0.0/24",
            "fd00::/64",
            "10.1.0.0/16",
        ]
        .map(subnet);
        let nets = ["a", "a", "c", "d", "e", "f"];
        let items: Vec<Owned> =
            s.iter().zip(nets).map(|(subnet, network)| Owned { network, subnet }).collect();
        let found = shared(&items);
        let flagged: Vec<usize> = found.iter().map(|(i, _)| *i).collect();
        // a's two subnets overlap each other (one network), and c's and f's.
        assert_eq!(flagged, [0, 1, 2, 5], "{found:?}");
        for (i, p) in found {
            assert_ne!(items[i].network, items[p].network);
        }
    }

    /// Every subnet the same: one partner each, no quadratic pairing.
    #[test]
    fn many_equal_subnets_name_one_partner_each() {
        let s = subnet("10.88.0.0/16");
        let names: Vec<String> = (0..10_000).map(|i| format!("n{i}")).collect();
        let items: Vec<Owned> = names.iter().map(|n| Owned { network: n, subnet: &s }).collect();
        assert_eq!(shared(&items).len(), 10_000);
    }
}
