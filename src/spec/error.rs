//! The error object a plugin prints on failure (SPEC section 5, "Error") and the meaning of
//! its well-known codes.

use serde::{Deserialize, Serialize};

/// `{cniVersion, code, msg, details}` as a plugin prints it on stdout with a non-zero exit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CniError {
    #[serde(rename = "cniVersion", default, skip_serializing_if = "String::is_empty")]
    pub cni_version: String,
    pub code: u32,
    #[serde(default)]
    pub msg: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub details: String,
}

impl CniError {
    /// Reads an error object from a plugin's stdout. A plugin that acted and then failed
    /// (skel's netns check) may print a result before the error, so the last JSON document
    /// that is an error object wins.
    pub fn from_stdout(stdout: &[u8]) -> Option<CniError> {
        let stream = serde_json::Deserializer::from_slice(stdout).into_iter::<serde_json::Value>();
        stream
            .map_while(Result::ok)
            .filter(|value| value.get("code").is_some())
            .filter_map(|value| serde_json::from_value(value).ok())
            .last()
    }

    /// The meaning of the code, from the spec's table and libcni's constants.
    pub fn meaning(&self) -> &'static str {
        code_meaning(self.code)
    }
}

impl std::fmt::Display for CniError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "code {} ({}): {}", self.code, self.meaning(), self.msg)?;
        if !self.details.is_empty() {
            write!(f, "; {}", self.details)?;
        }
        Ok(())
    }
}

/// The meaning of a CNI error code. Codes 0-99 are reserved by the spec; 8 and 999 are
/// libcni's own (a netns that is the plugin's own, and a plain Go error wrapped by skel).
pub fn code_meaning(code: u32) -> &'static str {
    match code {
        0 => "unknown error",
        1 => "incompatible CNI version",
        2 => "unsupported field in network configuration",
        3 => "container unknown or does not exist",
        4 => "invalid necessary environment variables",
        5 => "I/O failure",
        6 => "failed to decode content",
        7 => "invalid network configuration",
        8 => "invalid network namespace (the plugin's own)",
        11 => "try again later",
        50 => "plugin not available",
        51 => "plugin not available, existing containers may have limited connectivity",
        999 => "internal plugin error",
        12..=99 => "reserved well-known code",
        _ if code >= 100 => "plugin-specific error",
        _ => "reserved well-known code",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_error_object_and_prefers_the_last_one() {
        let out = br#"{"cniVersion":"1.0.0","interfaces":[]}{"code":8,"msg":"netns"}"#;
        let err = CniError::from_stdout(out).unwrap();
        assert_eq!(err.code, 8);
        assert_eq!(err.msg, "netns");
        assert!(CniError::from_stdout(b"garbage").is_none());
        assert!(CniError::from_stdout(b"").is_none());
    }

    #[test]
    fn explains_codes() {
        assert_eq!(code_meaning(7), "invalid network configuration");
        assert_eq!(code_meaning(51).split(',').next(), Some("plugin not available"));
        assert_eq!(code_meaning(142), "plugin-specific error");
        let err = CniError {
            cni_version: String::new(),
            code: 11,
            msg: "busy".into(),
            details: "lock held".into(),
        };
        assert_eq!(err.to_string(), "code 11 (try again later): busy; lock held");
    }
}
