//! The reference plugins (containernetworking/plugins v1.7.1) and the configuration fields
//! each decodes, with the Go type of each: from their Go config structs, and the field
//! references on cni.dev. What `fields` checks a configuration against, and what tells
//! a chained-only plugin (its ADD fails without a `prevResult`) from a main one.

/// What Go decodes a field into.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Bool,
    /// Go `int` (64 bits), `uint32`, `uint64`: whole numbers in range, no fraction or
    /// exponent (Go parses the literal as an integer).
    Int,
    U32,
    U64,
    Str,
    /// `net.IP`: a string that is an address, or empty.
    Ip,
    /// `types.IPNet`: a string ADDRESS/PREFIX.
    Cidr,
    List(&'static Kind),
    /// `map[string]T`.
    Map(&'static Kind),
    Object(&'static [Field]),
}

/// A key and what its value decodes into.
#[derive(Debug, Clone, Copy)]
pub struct Field(pub &'static str, pub Kind);

/// Where a plugin sits in a chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Creates the interface: first in a chain, or alone in a `.conf`.
    Main,
    /// Delegated to through `ipam.type`; reads the fields inside `"ipam"`.
    Ipam,
    /// Only chained after a main plugin: its ADD fails without a `prevResult`.
    Chained,
}

/// A reference plugin.
#[derive(Debug, Clone, Copy)]
pub struct Plugin {
    pub name: &'static str,
    pub role: Role,
    pub fields: &'static [Field],
}

use Kind::{Bool, Cidr, Int, Ip, List, Map as MapOf, Object, Str, U32, U64};

const MAC: &[Field] = &[Field("mac", Str)];
const ROUTE: &[Field] = &[
    Field("dst", Cidr),
    Field("gw", Ip),
    Field("mtu", Int),
    Field("advmss", Int),
    Field("priority", Int),
    Field("table", Int),
    Field("scope", Int),
];
const RANGE: &[Field] =
    &[Field("subnet", Cidr), Field("rangeStart", Ip), Field("rangeEnd", Ip), Field("gateway", Ip)];
const BANDWIDTH: &[Field] = &[
    Field("ingressRate", U64),
    Field("ingressBurst", U64),
    Field("egressRate", U64),
    Field("egressBurst", U64),
];
const PORT_MAPPING: &[Field] = &[
    Field("hostPort", Int),
    Field("containerPort", Int),
    Field("protocol", Str),
    Field("hostIP", Str),
];
const DNS: &[Field] = &[
    Field("nameservers", List(&Str)),
    Field("domain", Str),
    Field("search", List(&Str)),
    Field("options", List(&Str)),
];

/// The reference plugins, each with the fields its Go struct decodes (beyond libcni's own
/// `name`, `type`, `cniVersion`, `capabilities`, `ipam.type` and `dns`, which the loader
/// checks).
pub const PLUGINS: [Plugin; 18] = [
    Plugin {
        name: "bridge",
        role: Role::Main,
        fields: &[
            Field("bridge", Str),
            Field("isGateway", Bool),
            Field("isDefaultGateway", Bool),
            Field("forceAddress", Bool),
            Field("ipMasq", Bool),
            Field("ipMasqBackend", Str),
            Field("mtu", Int),
            Field("hairpinMode", Bool),
            Field("promiscMode", Bool),
            Field("vlan", Int),
            Field(
                "vlanTrunk",
                List(&Object(&[Field("minID", Int), Field("maxID", Int), Field("id", Int)])),
            ),
            Field("preserveDefaultVlan", Bool),
            Field("macspoofchk", Bool),
            Field("enabledad", Bool),
            Field("disableContainerInterface", Bool),
            Field("portIsolation", Bool),
            Field("args", Object(&[Field("cni", Object(MAC))])),
            Field("runtimeConfig", Object(MAC)),
        ],
    },
    Plugin {
        name: "ptp",
        role: Role::Main,
        fields: &[Field("ipMasq", Bool), Field("ipMasqBackend", Str), Field("mtu", Int)],
    },
    Plugin {
        name: "macvlan",
        role: Role::Main,
        fields: &[
            Field("master", Str),
            Field("mode", Str),
            Field("mtu", Int),
            Field("mac", Str),
            Field("linkInContainer", Bool),
            Field("bcqueuelen", U32),
            Field("runtimeConfig", Object(MAC)),
        ],
    },
    Plugin {
        name: "ipvlan",
        role: Role::Main,
        fields: &[
            Field("master", Str),
            Field("mode", Str),
            Field("mtu", Int),
            Field("linkInContainer", Bool),
        ],
    },
    Plugin {
        name: "host-device",
        role: Role::Main,
        fields: &[
            Field("device", Str),
            Field("hwaddr", Str),
            Field("DPDKMode", Bool),
            Field("kernelpath", Str),
            Field("pciBusID", Str),
            Field("runtimeConfig", Object(&[Field("deviceID", Str)])),
        ],
    },
    Plugin {
        name: "vlan",
        role: Role::Main,
        fields: &[
            Field("master", Str),
            Field("vlanId", Int),
            Field("mtu", Int),
            Field("linkInContainer", Bool),
        ],
    },
    Plugin {
        name: "tap",
        role: Role::Main,
        fields: &[
            Field("multiQueue", Bool),
            Field("mtu", Int),
            Field("mac", Str),
            Field("owner", U32),
            Field("group", U32),
            Field("selinuxContext", Str),
            Field("bridge", Str),
            Field("args", Object(&[])),
            Field("runtimeConfig", Object(MAC)),
        ],
    },
    Plugin { name: "dummy", role: Role::Main, fields: &[] },
    Plugin { name: "loopback", role: Role::Main, fields: &[] },
    Plugin {
        name: "host-local",
        role: Role::Ipam,
        fields: &[
            Field("subnet", Cidr),
            Field("rangeStart", Ip),
            Field("rangeEnd", Ip),
            Field("gateway", Ip),
            Field("routes", List(&Object(ROUTE))),
            Field("dataDir", Str),
            Field("resolvConf", Str),
            Field("ranges", List(&List(&Object(RANGE)))),
        ],
    },
    Plugin {
        name: "static",
        role: Role::Ipam,
        fields: &[
            Field("routes", List(&Object(ROUTE))),
            Field("addresses", List(&Object(&[Field("address", Cidr), Field("gateway", Ip)]))),
            Field("dns", Object(DNS)),
        ],
    },
    Plugin {
        name: "dhcp",
        role: Role::Ipam,
        fields: &[
            Field("daemonSocketPath", Str),
            Field(
                "provide",
                List(&Object(&[Field("option", Str), Field("value", Str), Field("fromArg", Str)])),
            ),
            Field("request", List(&Object(&[Field("skipDefault", Bool), Field("option", Str)]))),
            Field("priority", Int),
        ],
    },
    Plugin {
        name: "portmap",
        role: Role::Chained,
        fields: &[
            Field("backend", Str),
            Field("snat", Bool),
            Field("conditionsV4", List(&Str)),
            Field("conditionsV6", List(&Str)),
            Field("masqAll", Bool),
            Field("markMasqBit", Int),
            Field("externalSetMarkChain", Str),
            Field("runtimeConfig", Object(&[Field("portMappings", List(&Object(PORT_MAPPING)))])),
        ],
    },
    Plugin {
        name: "bandwidth",
        role: Role::Chained,
        fields: &[
            Field("ingressRate", U64),
            Field("ingressBurst", U64),
            Field("egressRate", U64),
            Field("egressBurst", U64),
            Field("runtimeConfig", Object(&[Field("bandwidth", Object(BANDWIDTH))])),
        ],
    },
    Plugin {
        name: "firewall",
        role: Role::Chained,
        fields: &[
            Field("backend", Str),
            Field("iptablesAdminChainName", Str),
            Field("firewalldZone", Str),
            Field("ingressPolicy", Str),
        ],
    },
    Plugin {
        name: "tuning",
        role: Role::Chained,
        fields: &[
            Field("dataDir", Str),
            Field("sysctl", MapOf(&Str)),
            Field("mac", Str),
            Field("promisc", Bool),
            Field("mtu", Int),
            Field("txQLen", Int),
            Field("allmulti", Bool),
            Field("runtimeConfig", Object(MAC)),
            Field(
                "args",
                Object(&[Field(
                    "cni",
                    Object(&[
                        Field("sysctl", MapOf(&Str)),
                        Field("mac", Str),
                        Field("promisc", Bool),
                        Field("mtu", Int),
                        Field("allmulti", Bool),
                        Field("txQLen", Int),
                    ]),
                )]),
            ),
        ],
    },
    Plugin { name: "sbr", role: Role::Chained, fields: &[Field("table", Int)] },
    Plugin {
        name: "vrf",
        role: Role::Chained,
        fields: &[Field("vrfname", Str), Field("table", U32)],
    },
];

/// The reference plugin of this type, if it is one.
pub fn reference(plugin_type: &str) -> Option<&'static Plugin> {
    PLUGINS.iter().find(|p| p.name == plugin_type)
}
