//! Showing a command line as a POSIX shell would read it back, so that a report's
//! `sh -c 'ip -br addr; exit 3'` can be pasted into a terminal.

use std::borrow::Cow;

/// A word as the shell reads it: unchanged when it holds only `[A-Za-z0-9_@%+=:,./-]`,
/// otherwise in single quotes, with each `'` written as `'\''`. The empty word is `''`.
pub fn quote(word: &str) -> Cow<'_, str> {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_@%+=:,./-".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(format!("'{}'", word.replace('\'', r"'\''")))
    }
}

/// A whole argv, each word quoted, separated by spaces.
pub fn join(argv: &[String]) -> String {
    argv.iter().map(|w| quote(w)).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_stay_as_they_are() {
        assert_eq!(quote("ping"), "ping");
        assert_eq!(quote("10.22.0.1/24"), "10.22.0.1/24");
        assert_eq!(quote("--mode=a,b:c@d%e+f_g"), "--mode=a,b:c@d%e+f_g");
    }

    #[test]
    fn words_with_anything_else_are_single_quoted() {
        assert_eq!(quote("ip -br addr; exit 3"), "'ip -br addr; exit 3'");
        assert_eq!(quote("$HOME"), "'$HOME'");
        assert_eq!(quote("a*"), "'a*'");
        assert_eq!(quote(""), "''");
        assert_eq!(quote("é"), "'é'");
    }

    #[test]
    fn a_single_quote_is_closed_escaped_and_reopened() {
        assert_eq!(quote("it's"), r"'it'\''s'");
        assert_eq!(quote("'"), r"''\'''");
    }

    #[test]
    fn an_argv_is_joined_with_spaces() {
        let argv = ["sh", "-c", "ip -br addr; exit 3"].map(String::from);
        assert_eq!(join(&argv), "sh -c 'ip -br addr; exit 3'");
    }
}
