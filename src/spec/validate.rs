//! Validation of attachment parameters, as libcni does it before ADD: container ID and
//! network name (SPEC section 1 and 3), and the interface name (Linux's limits).

/// Container IDs and network names: an alphanumeric first character, then alphanumerics,
/// `_`, `.` or `-`.
pub fn identifier(what: &str, value: &str) -> Result<(), String> {
    let mut chars = value.chars();
    let Some(first) = chars.next() else {
        return Err(format!("{what} must not be empty"));
    };
    let ok_first = first.is_ascii_alphanumeric();
    let ok_rest = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if ok_first && ok_rest {
        Ok(())
    } else {
        Err(format!(
            "invalid {what} {value:?}: it must start with a letter or digit, followed by \
             letters, digits, '_', '.' or '-'"
        ))
    }
}

/// Interface names: 1 to 15 bytes, not `.` or `..`, no `/`, `:` or whitespace.
pub fn ifname(value: &str) -> Result<(), String> {
    let problem = if value.is_empty() {
        Some("it is empty")
    } else if value.len() > 15 {
        Some("it is longer than 15 bytes")
    } else if value == "." || value == ".." {
        Some("'.' and '..' are not interface names")
    } else if value.chars().any(|c| c == '/' || c == ':' || c.is_whitespace()) {
        Some("it contains '/', ':' or whitespace")
    } else {
        None
    };
    match problem {
        Some(why) => Err(format!("invalid interface name {value:?}: {why}")),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        assert!(identifier("network name", "my-net.1_a").is_ok());
        assert!(identifier("network name", "-bad").is_err());
        assert!(identifier("network name", "").is_err());
        assert!(identifier("container ID", "a/b").is_err());
    }

    #[test]
    fn interface_names() {
        assert!(ifname("eth0").is_ok());
        assert!(ifname("").is_err());
        assert!(ifname("a-very-long-name0").is_err());
        assert!(ifname("..").is_err());
        assert!(ifname("et h0").is_err());
    }
}
