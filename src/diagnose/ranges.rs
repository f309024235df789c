//! Addresses as the reference plugins read them: Go's `net.ParseIP` and `net.ParseCIDR`
//! (Rust's parsers agree with them on what they accept: no leading zeros, no zones).

use std::net::IpAddr;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
