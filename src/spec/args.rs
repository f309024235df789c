//! `CNI_ARGS` (SPEC section 2, "Parameters"): `K=V;K=V`, kept as ordered pairs because the
//! libcni cache stores them as `[[key, value], ...]`.

/// Parses `K=V;K=V`. Like cnitool, an empty key or value is refused; unlike cnitool, a value
/// may contain `=` (split at the first one), as CRI-O does.
pub fn parse(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut pairs = Vec::new();
    for item in text.split(';') {
        if item.is_empty() {
            continue;
        }
        match item.split_once('=') {
            Some((key, value)) if !key.is_empty() && !value.is_empty() => {
                pairs.push((key.to_string(), value.to_string()));
            }
            _ => {
                return Err(format!(
                    "invalid CNI_ARGS pair {item:?}: expected KEY=VALUE, both non-empty, \
                     pairs separated by ';'"
                ))
            }
        }
    }
    Ok(pairs)
}

/// Joins pairs back into the `CNI_ARGS` form.
pub fn join(pairs: &[(String, String)]) -> String {
    pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(";")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_pairs() {
        let pairs = parse("IgnoreUnknown=1;K8S_POD_NAME=web;IP=10.1.0.5").unwrap();
        assert_eq!(pairs.len(), 3);
        assert_eq!(pairs[1], ("K8S_POD_NAME".to_string(), "web".to_string()));
        assert_eq!(join(&pairs), "IgnoreUnknown=1;K8S_POD_NAME=web;IP=10.1.0.5");
        assert_eq!(parse("").unwrap(), vec![]);
        assert_eq!(parse("A=b=c").unwrap()[0].1, "b=c");
    }

    #[test]
    fn refuses_empty_parts() {
        assert!(parse("A=").unwrap_err().contains("\"A=\""));
        assert!(parse("=1").is_err());
        assert!(parse("novalue").is_err());
    }
}
