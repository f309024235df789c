//! Spec versions (SPEC "Version considerations"): parsing, ordering, and the selection of the
//! version a configuration runs at, exactly as libcni does it.

use std::fmt;

/// The newest spec version cnictl speaks; versions above it are ignored in `cniVersions`.
pub const CURRENT: Version = Version(1, 1, 0);

/// Every released spec version, oldest first.
pub const RELEASED: [&str; 7] = ["0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"];

/// A spec version, `major.minor.patch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version(pub u32, pub u32, pub u32);

impl Version {
    /// Parses `x.y.z` (also `x` and `x.y`). An empty string is 0.1.0, as in libcni, because
    /// configurations written before `cniVersion` existed are 0.1.0 ones.
    pub fn parse(text: &str) -> Result<Version, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(Version(0, 1, 0));
        }
        let mut parts = [0u32; 3];
        let pieces: Vec<&str> = text.split('.').collect();
        if pieces.len() > 3 {
            return Err(format!("invalid version {text:?}: expected major.minor.patch"));
        }
        for (slot, piece) in parts.iter_mut().zip(&pieces) {
            *slot = piece
                .parse()
                .map_err(|_| format!("invalid version {text:?}: expected major.minor.patch"))?;
        }
        Ok(Version(parts[0], parts[1], parts[2]))
    }

    /// The version a plugin must list to run a configuration that says `text`: an empty
    /// `cniVersion` means 0.1.0.
    pub fn effective(text: &str) -> &str {
        if text.trim().is_empty() {
            "0.1.0"
        } else {
            text
        }
    }

    /// Whether CHECK exists at this version (SPEC: added in 0.4.0).
    pub fn has_check(self) -> bool {
        self >= Version(0, 4, 0)
    }

    /// Whether GC and STATUS exist at this version (SPEC: added in 1.1.0).
    pub fn has_gc_status(self) -> bool {
        self >= Version(1, 1, 0)
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.0, self.1, self.2)
    }
}

/// The version a configuration runs at. Without `cniVersions` it is `cniVersion`, whatever
/// it says; with them, the highest of `cniVersion` and `cniVersions` not above [`CURRENT`]
/// (libcni drops the ones above it before choosing).
///
/// Returns the version as written in the file, so that "0.3.1" stays "0.3.1".
pub fn select(cni_version: Option<&str>, cni_versions: &[String]) -> Result<String, String> {
    let mut best: Option<(Version, String)> = None;
    let mut consider = |text: &str, cap: bool| -> Result<(), String> {
        let parsed = Version::parse(text)?;
        if cap && parsed > CURRENT {
            return Ok(());
        }
        if best.as_ref().is_none_or(|(v, _)| parsed > *v) {
            best = Some((parsed, text.to_string()));
        }
        Ok(())
    };
    for text in cni_versions {
        consider(text, true)?;
    }
    if let Some(text) = cni_version {
        consider(text, !cni_versions.is_empty())?;
    }
    Ok(best.map(|(_, text)| text).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_orders() {
        assert_eq!(Version::parse("0.3.1").unwrap(), Version(0, 3, 1));
        assert_eq!(Version::parse("").unwrap(), Version(0, 1, 0));
        assert_eq!(Version::parse("1.0").unwrap(), Version(1, 0, 0));
        assert!(Version::parse("1.x.0").is_err());
        assert!(Version::parse("0.4.0").unwrap().has_check());
        assert!(!Version::parse("0.3.1").unwrap().has_check());
        assert!(Version(1, 1, 0).has_gc_status());
    }

    #[test]
    fn selects_highest_supported_version() {
        let list = vec!["0.3.1".to_string(), "1.0.0".to_string(), "2.0.0".to_string()];
        assert_eq!(select(Some("0.4.0"), &list).unwrap(), "1.0.0");
        assert_eq!(select(Some("1.1.0"), &list).unwrap(), "1.1.0");
        assert_eq!(select(None, &[]).unwrap(), "");
        assert_eq!(select(Some("0.3.1"), &[]).unwrap(), "0.3.1");
        assert_eq!(select(Some("2.0.0"), &["1.0.0".to_string()]).unwrap(), "1.0.0");
        assert_eq!(select(Some("2.0.0"), &[]).unwrap(), "2.0.0");
    }
}
