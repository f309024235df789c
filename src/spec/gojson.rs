//! JSON as Go's `encoding/json` writes it, for the bytes that libcni and cnitool produce
//! (the ADD result cnitool prints, the `result` of a cache entry). serde_json already agrees
//! with Go on most of it: `{}` and `[]` for empty containers, `": "` and one element a line
//! under `MarshalIndent`, the short escapes `\b \f \n \r \t` (Go since 1.22) and lower-case
//! `\u00xx` for other control characters. What differs, and is done here:
//!
//! - Go escapes `<`, `>`, `&`, U+2028 and U+2029 in every string (`HTMLEscape` is on by
//!   default);
//! - a value decoded into `map[string]interface{}` (which is how libcni >= 1.2 writes a
//!   1.x result, and how it writes every cached result and capability argument) holds its
//!   numbers as `float64`, written in Go's float format, and its keys are written sorted;
//! - addresses are parsed into `net.IP`/`net.IPNet` and written back in Go's spelling
//!   ([`ip`], [`cidr`]).

use std::io;
use std::net::{IpAddr, Ipv6Addr};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};
use serde_json::{Map, Value};

/// How numbers are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbers {
    /// As Go writes the integer fields of a struct: digits.
    Integers,
    /// As Go writes a number decoded into `interface{}`: a `float64`.
    Float64,
}

/// `json.Marshal` (compact) or `json.MarshalIndent(v, "", indent)` of `value`.
pub fn to_string<T: Serialize + ?Sized>(
    value: &T,
    indent: Option<&str>,
    numbers: Numbers,
) -> String {
    let mut buf = Vec::new();
    let done = match indent {
        Some(indent) => {
            let inner = PrettyFormatter::with_indent(indent.as_bytes());
            let mut ser = serde_json::Serializer::with_formatter(&mut buf, Go { inner, numbers });
            value.serialize(&mut ser)
        }
        None => {
            let go = Go { inner: CompactFormatter, numbers };
            let mut ser = serde_json::Serializer::with_formatter(&mut buf, go);
            value.serialize(&mut ser)
        }
    };
    done.expect("serializing into memory does not fail");
    String::from_utf8(buf).expect("serde_json writes UTF-8")
}

/// `value` with the keys of every object in sorted order, as Go writes a map. (Without
/// serde_json's `preserve_order` they already are; this keeps it so if the feature is
/// ever turned on by another crate.)
pub fn sorted(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(sorted_map(map)),
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

/// [`sorted`] of an object.
pub fn sorted_map(map: &Map<String, Value>) -> Map<String, Value> {
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort();
    keys.into_iter().map(|key| (key.clone(), sorted(&map[key]))).collect()
}

/// Go's spelling of an IP address (`net.IP.String`): an IPv4-mapped IPv6 address in dotted
/// form, IPv6 in lower case with the first longest run of two or more zero groups as `::`.
/// `None` when `text` is not an address Go would parse.
pub fn ip(text: &str) -> Option<String> {
    let addr: IpAddr = text.parse().ok()?;
    Some(match addr {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => ipv6(&v6),
        },
    })
}

/// Go's spelling of `ADDRESS/PREFIX` after `types.ParseCIDR` (which keeps the address, not
/// the network): the address as [`ip`] writes it, and for an IPv4-mapped address the
/// prefix counted within its last 32 bits, as `net.IPNet.String` does.
pub fn cidr(text: &str) -> Option<String> {
    let (addr, prefix) = text.split_once('/')?;
    if prefix.is_empty() || !prefix.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let prefix: u32 = prefix.parse().ok()?;
    let addr: IpAddr = addr.parse().ok()?;
    let (text, prefix) = match addr {
        IpAddr::V4(v4) if prefix <= 32 => (v4.to_string(), prefix),
        IpAddr::V6(v6) if prefix <= 128 => match v6.to_ipv4_mapped() {
            Some(v4) => (v4.to_string(), prefix.saturating_sub(96)),
            None => (ipv6(&v6), prefix),
        },
        _ => return None,
    };
    Some(format!("{text}/{prefix}"))
}

fn ipv6(addr: &Ipv6Addr) -> String {
    let groups = addr.segments();
    // The first longest run of at least two zero groups.
    let (mut start, mut len) = (8, 0);
    let mut i = 0;
    while i < 8 {
        let mut j = i;
        while j < 8 && groups[j] == 0 {
            j += 1;
        }
        if j - i >= 2 && j - i > len {
            (start, len) = (i, j - i);
        }
        i = j.max(i + 1);
    }
    let hex = |g: &[u16]| g.iter().map(|g| format!("{g:x}")).collect::<Vec<_>>().join(":");
    if len == 0 {
        return hex(&groups);
    }
    format!("{}::{}", hex(&groups[..start]), hex(&groups[start + len..]))
}

/// Go's `float64` encoding: the shortest digits that read back the same, in plain notation
/// from 1e-6 up to 1e21 and in exponent notation (`1e+21`, `1e-7`) outside that.
pub fn float64(f: f64) -> String {
    let abs = f.abs();
    if abs == 0.0 || (1e-6..1e21).contains(&abs) {
        return format!("{f}");
    }
    let text = format!("{f:e}");
    let (mantissa, exp) = text.split_once('e').expect("{:e} writes an exponent");
    let exp: i32 = exp.parse().expect("{:e} writes a decimal exponent");
    if exp < 0 {
        format!("{mantissa}e-{}", -exp)
    } else {
        format!("{mantissa}e+{exp:02}")
    }
}

/// A serde_json formatter that writes strings and numbers as Go does, and leaves the layout
/// to the formatter it wraps.
struct Go<F> {
    inner: F,
    numbers: Numbers,
}

impl<F: Formatter> Go<F> {
    fn int<W: ?Sized + io::Write>(&mut self, w: &mut W, digits: String, f: f64) -> io::Result<()> {
        match self.numbers {
            Numbers::Integers => w.write_all(digits.as_bytes()),
            Numbers::Float64 => w.write_all(float64(f).as_bytes()),
        }
    }
}

macro_rules! ints {
    ($($method:ident: $t:ty),*) => {$(
        fn $method<W: ?Sized + io::Write>(&mut self, w: &mut W, value: $t) -> io::Result<()> {
            self.int(w, value.to_string(), value as f64)
        }
    )*};
}

impl<F: Formatter> Formatter for Go<F> {
    ints!(write_i8: i8, write_i16: i16, write_i32: i32, write_i64: i64, write_i128: i128,
          write_u8: u8, write_u16: u16, write_u32: u32, write_u64: u64, write_u128: u128);

    fn write_f32<W: ?Sized + io::Write>(&mut self, w: &mut W, value: f32) -> io::Result<()> {
        w.write_all(float64(f64::from(value)).as_bytes())
    }

    fn write_f64<W: ?Sized + io::Write>(&mut self, w: &mut W, value: f64) -> io::Result<()> {
        w.write_all(float64(value).as_bytes())
    }

    fn write_number_str<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        value: &str,
    ) -> io::Result<()> {
        match value.parse::<f64>() {
            Ok(f) if self.numbers == Numbers::Float64 => w.write_all(float64(f).as_bytes()),
            _ => w.write_all(value.as_bytes()),
        }
    }

    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some(at) = rest.find(['<', '>', '&', '\u{2028}', '\u{2029}']) {
            w.write_all(&rest.as_bytes()[..at])?;
            let c = rest[at..].chars().next().expect("found a character there");
            write!(w, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.begin_array(w)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_array(w)
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.inner.begin_array_value(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_array_value(w)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.begin_object(w)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_object(w)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.inner.begin_object_key(w, first)
    }

    fn end_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_object_key(w)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strings_are_escaped_as_go_escapes_them() {
        let text = to_string(
            &json!("a<b>&c\u{2028}\u{2029}\n\t\u{1}\u{8}\u{c}\"\\é"),
            None,
            Numbers::Integers,
        );
        assert_eq!(text, r#""a\u003cb\u003e\u0026c\u2028\u2029\n\t\u0001\b\f\"\\é""#);
    }

    #[test]
    fn numbers_of_a_decoded_map_are_float64() {
        assert_eq!(float64(8080.0), "8080");
        assert_eq!(float64(1.5), "1.5");
        assert_eq!(float64(-0.0), "-0");
        assert_eq!(float64(1e21), "1e+21");
        assert_eq!(float64(1e20), "100000000000000000000");
        assert_eq!(float64(1.5e-7), "1.5e-7");
        assert_eq!(float64(1e-10), "1e-10");
        assert_eq!(float64(0.000001), "0.000001");
        assert_eq!(float64(1e100), "1e+100");
        let value: Value =
            serde_json::from_str(r#"{"b":1e3,"a":[9007199254740993,2.50,-7]}"#).unwrap();
        assert_eq!(
            to_string(&value, None, Numbers::Float64),
            r#"{"a":[9007199254740992,2.5,-7],"b":1000}"#
        );
        assert_eq!(
            to_string(&json!({"n": 9007199254740993u64}), None, Numbers::Integers),
            r#"{"n":9007199254740993}"#
        );
    }

    #[test]
    fn indent_is_marshal_indent() {
        let value = json!({"b": [], "a": {}, "c": [1, {"d": "x"}]});
        let expected =
            "{\n    \"a\": {},\n    \"b\": [],\n    \"c\": [\n        1,\n        {\n            \
                        \"d\": \"x\"\n        }\n    ]\n}";
        assert_eq!(to_string(&sorted(&value), Some("    "), Numbers::Float64), expected);
    }

    #[test]
    fn addresses_are_spelt_as_go_spells_them() {
        assert_eq!(ip("10.1.0.1").unwrap(), "10.1.0.1");
        assert_eq!(ip("::ffff:10.1.0.1").unwrap(), "10.1.0.1");
        assert_eq!(ip("FD00:0:0:0:0:0:0:5").unwrap(), "fd00::5");
        assert_eq!(ip("1:0:0:2:0:0:0:3").unwrap(), "1:0:0:2::3");
        assert_eq!(ip("1:0:0:2:0:0:3:4").unwrap(), "1::2:0:0:3:4");
        assert_eq!(ip("1:0:2:3:4:5:6:7").unwrap(), "1:0:2:3:4:5:6:7");
        assert_eq!(ip("::").unwrap(), "::");
        assert_eq!(ip("::1").unwrap(), "::1");
        assert_eq!(ip("::102:304").unwrap(), "::102:304");
        assert_eq!(ip("1::").unwrap(), "1::");
        assert!(ip("10.1.0").is_none());
        assert_eq!(cidr("10.1.0.5/24").unwrap(), "10.1.0.5/24");
        assert_eq!(cidr("10.1.0.5/024").unwrap(), "10.1.0.5/24");
        assert_eq!(cidr("FD00::0:5/64").unwrap(), "fd00::5/64");
        assert_eq!(cidr("::ffff:10.1.0.5/120").unwrap(), "10.1.0.5/24");
        assert_eq!(cidr("::ffff:10.1.0.5/64").unwrap(), "10.1.0.5/0");
        assert!(cidr("10.1.0.5/33").is_none());
        assert!(cidr("10.1.0.5/+3").is_none());
        assert!(cidr("10.1.0.5").is_none());
    }

    #[test]
    fn ipv6_agrees_with_the_standard_library_outside_mapped_addresses() {
        for text in
            ["fe80::1", "2001:db8::8a2e:370:7334", "0:0:1::", "1:2:3:4:5:6:7:8", "::2:0:0:0"]
        {
            let addr: Ipv6Addr = text.parse().unwrap();
            assert_eq!(ipv6(&addr), addr.to_string(), "{text}");
        }
    }
}
