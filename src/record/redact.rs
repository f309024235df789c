//! Masking secrets in what the log keeps: values of JSON keys and environment variables
//! (and `CNI_ARGS` pairs) whose name contains one of the configured fragments. Only the
//! log is redacted; the plugin always gets the real bytes.

use serde_json::Value;

/// What a masked value becomes.
pub const MASK: &str = "<redacted>";

/// The fragments `record install` uses unless `--redact-keys` replaces them.
pub const DEFAULT_KEYS: &[&str] = &["token", "password", "passwd", "key", "secret", "credential"];

/// Which names are secret: those containing one of `keys`, ignoring case.
pub struct Redactor<'a> {
    keys: &'a [String],
}

impl<'a> Redactor<'a> {
    pub fn new(keys: &'a [String]) -> Redactor<'a> {
        Redactor { keys }
    }

    pub fn is_secret(&self, name: &str) -> bool {
        let name = name.to_ascii_lowercase();
        self.keys.iter().any(|k| !k.is_empty() && name.contains(&k.to_ascii_lowercase()))
    }

    /// Masks the values of secret keys anywhere in `value`; returns their JSON pointers.
    pub fn json(&self, value: &mut Value) -> Vec<String> {
        let mut found = Vec::new();
        self.walk(value, String::new(), &mut found);
        found
    }

    fn walk(&self, value: &mut Value, at: String, found: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, v) in map.iter_mut() {
                    let here = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                    if self.is_secret(key) && !v.is_null() {
                        *v = Value::String(MASK.into());
                        found.push(here);
                    } else {
                        self.walk(v, here, found);
                    }
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter_mut().enumerate() {
                    self.walk(v, format!("{at}/{i}"), found);
                }
            }
            _ => {}
        }
    }

    /// Masks secret variables, and secret pairs inside `CNI_ARGS`; returns what it masked
    /// as `env:NAME` (or `env:CNI_ARGS:KEY`).
    pub fn env(&self, env: &mut [(String, String)]) -> Vec<String> {
        let mut found = Vec::new();
        for (name, value) in env.iter_mut() {
            if self.is_secret(name) {
                *value = MASK.into();
                found.push(format!("env:{name}"));
            } else if name == "CNI_ARGS" {
                let pairs: Vec<String> = value
                    .split(';')
                    .map(|pair| match pair.split_once('=') {
                        Some((k, _)) if self.is_secret(k) => {
                            found.push(format!("env:CNI_ARGS:{k}"));
                            format!("{k}={MASK}")
                        }
                        _ => pair.to_string(),
                    })
                    .collect();
                *value = pairs.join(";");
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn keys() -> Vec<String> {
        DEFAULT_KEYS.iter().map(|k| k.to_string()).collect()
    }

    #[test]
    fn secret_keys_are_masked_at_any_depth_and_the_rest_is_kept() {
        let keys = keys();
        let r = Redactor::new(&keys);
        let mut conf = json!({
            "cniVersion": "1.0.0",
            "name": "net",
            "type": "vendor",
            "etcd": {"endpoints": ["https://e:2379"], "Password": "hunter2", "tls": {"keyFile": "/k"}},
            "plugins": [{"apiToken": {"v": 1}, "mtu": 1400}],
            "none": {"secret": null}
        });
        let found = r.json(&mut conf);
        assert_eq!(found, ["/etcd/Password", "/etcd/tls/keyFile", "/plugins/0/apiToken"], "{conf}");
        assert_eq!(conf["etcd"]["Password"], MASK);
        assert_eq!(conf["etcd"]["tls"]["keyFile"], MASK);
        assert_eq!(conf["plugins"][0]["apiToken"], MASK);
        assert_eq!(conf["plugins"][0]["mtu"], 1400);
        assert_eq!(conf["etcd"]["endpoints"][0], "https://e:2379");
        assert_eq!(conf["name"], "net");
        assert!(conf["none"]["secret"].is_null(), "null hides nothing and stays");
    }

    #[test]
    fn secret_variables_and_cni_args_pairs_are_masked() {
        let keys = keys();
        let r = Redactor::new(&keys);
        let mut env = vec![
            ("CNI_COMMAND".to_string(), "ADD".to_string()),
            ("VAULT_TOKEN".to_string(), "s.abc".to_string()),
            ("CNI_ARGS".to_string(), "IgnoreUnknown=1;K8S_POD_NAME=p;AUTH_KEY=xyz".to_string()),
        ];
        let found = r.env(&mut env);
        assert_eq!(found, ["env:VAULT_TOKEN", "env:CNI_ARGS:AUTH_KEY"]);
        assert_eq!(env[0].1, "ADD");
        assert_eq!(env[1].1, MASK);
        assert_eq!(env[2].1, format!("IgnoreUnknown=1;K8S_POD_NAME=p;AUTH_KEY={MASK}"));
    }

    #[test]
    fn the_list_is_configurable() {
        let keys = vec!["community".to_string()];
        let r = Redactor::new(&keys);
        let mut conf = json!({"password": "kept", "snmpCommunity": "public"});
        assert_eq!(r.json(&mut conf), ["/snmpCommunity"]);
        assert_eq!(conf["password"], "kept");
    }
}
