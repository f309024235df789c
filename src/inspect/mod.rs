//! The live state of a network namespace, read over rtnetlink: links, addresses and
//! routes. The netlink socket is opened inside the namespace on a short-lived thread and
//! then used from anywhere (a socket stays bound to the namespace it was made in), so the
//! main thread never changes namespace. [`compare`] checks a snapshot against what an ADD
//! result claims.

use std::net::IpAddr;
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};

use netlink_packet_core::{
    NetlinkHeader, NetlinkMessage, NetlinkPayload, NLM_F_ACK, NLM_F_DUMP, NLM_F_REQUEST,
};
use netlink_packet_route::address::{AddressAttribute, AddressMessage};
use netlink_packet_route::link::{LinkAttribute, LinkFlags, LinkInfo, LinkMessage};
use netlink_packet_route::route::{RouteAddress, RouteAttribute, RouteMessage};
use netlink_packet_route::{AddressFamily, RouteNetlinkMessage};
use netlink_sys::{protocols::NETLINK_ROUTE, Socket, SocketAddr};
use serde::Serialize;

mod compare;

pub use compare::{addresses, compare};

/// A link as `ip link` would show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Link {
    pub index: u32,
    pub name: String,
    /// The driver kind: veth, bridge, dummy, ... (none for plain devices such as lo).
    pub kind: Option<String>,
    /// Operational state: up, down, unknown, lowerlayerdown, ...
    pub state: String,
    /// Administratively up.
    pub up: bool,
    pub mtu: Option<u32>,
    pub mac: Option<String>,
    /// For a veth, its peer's index (in this namespace or, with `peerNetnsId`, another).
    pub peer: Option<u32>,
    pub peer_netns_id: Option<i32>,
    /// The bridge or bond it is enslaved to.
    pub master: Option<String>,
}

/// An address on a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Address {
    pub ifname: String,
    /// `10.1.0.2/24`
    pub address: String,
    /// "global", "link", "host"
    pub scope: String,
}

/// A route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Route {
    /// `0.0.0.0/0`, `10.1.0.0/24`
    pub dst: String,
    pub gw: Option<String>,
    pub dev: Option<String>,
    pub table: u32,
    pub scope: String,
    pub protocol: String,
    pub priority: Option<u32>,
}

/// Everything read from one namespace.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Snapshot {
    /// The namespace path, or none for cnictl's own.
    pub netns: Option<PathBuf>,
    pub links: Vec<Link>,
    pub addresses: Vec<Address>,
    pub routes: Vec<Route>,
}

/// Opens a rtnetlink socket inside `netns` (cnictl's own namespace when `None`).
pub fn socket_in(netns: Option<&Path>) -> std::io::Result<Socket> {
    let Some(path) = netns else {
        return connect();
    };
    let ns = std::fs::File::open(path)?;
    std::thread::spawn(move || {
        nix::sched::setns(ns.as_fd(), nix::sched::CloneFlags::CLONE_NEWNET)
            .map_err(std::io::Error::from)?;
        connect()
    })
    .join()
    .map_err(|_| std::io::Error::other("netlink thread panicked"))?
}

fn connect() -> std::io::Result<Socket> {
    let mut socket = Socket::new(NETLINK_ROUTE)?;
    socket.bind_auto()?;
    socket.connect(&SocketAddr::new(0, 0))?;
    Ok(socket)
}

/// Sends one request and collects the answers until the kernel says it is done.
fn request(
    socket: &Socket,
    message: RouteNetlinkMessage,
    flags: u16,
) -> std::io::Result<Vec<RouteNetlinkMessage>> {
    let mut packet = NetlinkMessage::new(NetlinkHeader::default(), NetlinkPayload::from(message));
    packet.header.flags = flags;
    packet.header.sequence_number = 1;
    packet.finalize();
    let mut buf = vec![0; packet.buffer_len()];
    packet.serialize(&mut buf);
    socket.send(&buf, 0)?;

    let mut answers = Vec::new();
    let mut receive = vec![0; 1 << 16];
    loop {
        let size = socket.recv(&mut &mut receive[..], 0)?;
        let mut offset = 0;
        while offset < size {
            let reply: NetlinkMessage<RouteNetlinkMessage> =
                NetlinkMessage::deserialize(&receive[offset..size])
                    .map_err(|e| std::io::Error::other(format!("bad netlink answer: {e}")))?;
            let length = reply.header.length as usize;
            match reply.payload {
                NetlinkPayload::Done(_) => return Ok(answers),
                NetlinkPayload::Error(err) => {
                    return match err.code {
                        None => Ok(answers),
                        Some(code) => Err(std::io::Error::from_raw_os_error(-code.get())),
                    };
                }
                NetlinkPayload::InnerMessage(inner) => answers.push(inner),
                _ => {}
            }
            if flags & NLM_F_DUMP != NLM_F_DUMP && flags & NLM_F_ACK != NLM_F_ACK {
                return Ok(answers);
            }
            if length == 0 {
                break;
            }
            offset += length;
        }
    }
}

fn dump(
    socket: &Socket,
    message: RouteNetlinkMessage,
) -> std::io::Result<Vec<RouteNetlinkMessage>> {
    request(socket, message, NLM_F_REQUEST | NLM_F_DUMP)
}

fn mac(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":")
}

fn route_address(addr: &RouteAddress) -> Option<String> {
    match addr {
        RouteAddress::Inet(ip) => Some(ip.to_string()),
        RouteAddress::Inet6(ip) => Some(ip.to_string()),
        _ => None,
    }
}

fn lower(debug: impl std::fmt::Debug) -> String {
    format!("{debug:?}").to_lowercase()
}

/// Reads links, addresses and routes (all tables) of a namespace.
pub fn snapshot(netns: Option<&Path>) -> std::io::Result<Snapshot> {
    let socket = socket_in(netns)?;
    let links = read_links(&socket)?;
    let names: std::collections::HashMap<u32, String> =
        links.iter().map(|l| (l.index, l.name.clone())).collect();
    let name_of = |index: u32| names.get(&index).cloned();
    let addresses = read_addresses(&socket, &name_of)?;
    let routes = read_routes(&socket, &name_of)?;
    Ok(Snapshot { netns: netns.map(Path::to_path_buf), links, addresses, routes })
}

/// Every link, its master named.
fn read_links(socket: &Socket) -> std::io::Result<Vec<Link>> {
    let mut links = Vec::new();
    for message in dump(socket, RouteNetlinkMessage::GetLink(LinkMessage::default()))? {
        let RouteNetlinkMessage::NewLink(link) = message else { continue };
        let mut out = Link {
            index: link.header.index,
            name: String::new(),
            kind: None,
            state: "unknown".into(),
            up: link.header.flags.contains(LinkFlags::Up),
            mtu: None,
            mac: None,
            peer: None,
            peer_netns_id: None,
            master: None,
        };
        let mut master = None;
        for attr in &link.attributes {
            match attr {
                LinkAttribute::IfName(name) => out.name = name.clone(),
                LinkAttribute::Mtu(mtu) => out.mtu = Some(*mtu),
                LinkAttribute::Address(bytes) if !bytes.is_empty() => out.mac = Some(mac(bytes)),
                LinkAttribute::OperState(state) => out.state = lower(state),
                LinkAttribute::Link(peer) => out.peer = Some(*peer),
                LinkAttribute::LinkNetNsId(id) => out.peer_netns_id = Some(*id),
                LinkAttribute::Controller(index) => master = Some(*index),
                LinkAttribute::LinkInfo(infos) => {
                    for info in infos {
                        if let LinkInfo::Kind(kind) = info {
                            out.kind = Some(kind.to_string());
                        }
                    }
                }
                _ => {}
            }
        }
        out.master = master.map(|m| m.to_string());
        links.push(out);
    }
    let names: std::collections::HashMap<u32, String> =
        links.iter().map(|l| (l.index, l.name.clone())).collect();
    for link in &mut links {
        link.master =
            link.master.as_ref().and_then(|m| m.parse().ok()).and_then(|i| names.get(&i).cloned());
    }
    Ok(links)
}

fn read_addresses(
    socket: &Socket,
    name_of: &dyn Fn(u32) -> Option<String>,
) -> std::io::Result<Vec<Address>> {
    let mut addresses = Vec::new();
    for message in dump(socket, RouteNetlinkMessage::GetAddress(AddressMessage::default()))? {
        let RouteNetlinkMessage::NewAddress(addr) = message else { continue };
        let mut ip: Option<IpAddr> = None;
        for attr in &addr.attributes {
            match attr {
                AddressAttribute::Local(a) => ip = Some(*a),
                AddressAttribute::Address(a) if ip.is_none() => ip = Some(*a),
                _ => {}
            }
        }
        let Some(ip) = ip else { continue };
        addresses.push(Address {
            ifname: name_of(addr.header.index).unwrap_or_else(|| addr.header.index.to_string()),
            address: format!("{ip}/{}", addr.header.prefix_len),
            scope: lower(addr.header.scope),
        });
    }
    Ok(addresses)
}

fn read_routes(
    socket: &Socket,
    name_of: &dyn Fn(u32) -> Option<String>,
) -> std::io::Result<Vec<Route>> {
    let mut routes = Vec::new();
    for family in [AddressFamily::Inet, AddressFamily::Inet6] {
        let mut query = RouteMessage::default();
        query.header.address_family = family;
        for message in dump(socket, RouteNetlinkMessage::GetRoute(query))? {
            let RouteNetlinkMessage::NewRoute(route) = message else { continue };
            let mut dst = None;
            let mut out = Route {
                dst: String::new(),
                gw: None,
                dev: None,
                table: u32::from(route.header.table),
                scope: lower(route.header.scope),
                protocol: lower(route.header.protocol),
                priority: None,
            };
            for attr in &route.attributes {
                match attr {
                    RouteAttribute::Destination(a) => dst = route_address(a),
                    RouteAttribute::Gateway(a) => out.gw = route_address(a),
                    RouteAttribute::Oif(index) => out.dev = name_of(*index),
                    RouteAttribute::Table(table) => out.table = *table,
                    RouteAttribute::Priority(p) => out.priority = Some(*p),
                    _ => {}
                }
            }
            let any = if family == AddressFamily::Inet { "0.0.0.0" } else { "::" };
            out.dst = format!(
                "{}/{}",
                dst.unwrap_or_else(|| any.into()),
                route.header.destination_prefix_length
            );
            routes.push(out);
        }
    }
    Ok(routes)
}

/// Sets a link administratively up (a throwaway host namespace needs its loopback).
pub fn set_up(netns: Option<&Path>, ifname: &str) -> std::io::Result<()> {
    let socket = socket_in(netns)?;
    let snapshot_links = dump(&socket, RouteNetlinkMessage::GetLink(LinkMessage::default()))?;
    let index = snapshot_links
        .iter()
        .filter_map(|m| match m {
            RouteNetlinkMessage::NewLink(link) => Some(link),
            _ => None,
        })
        .find(|link| {
            link.attributes.iter().any(|a| matches!(a, LinkAttribute::IfName(n) if n == ifname))
        })
        .map(|link| link.header.index)
        .ok_or_else(|| {
            std::io::Error::new(std::io::ErrorKind::NotFound, format!("no link {ifname}"))
        })?;
    let mut link = LinkMessage::default();
    link.header.index = index;
    link.header.flags = LinkFlags::Up;
    link.header.change_mask = LinkFlags::Up;
    request(&socket, RouteNetlinkMessage::SetLink(link), NLM_F_REQUEST | NLM_F_ACK)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_own_namespace_loopback() {
        let snap = snapshot(None).expect("netlink works without privileges");
        let lo = snap.links.iter().find(|l| l.name == "lo").expect("lo exists");
        assert_eq!(lo.index, 1);
    }
}
