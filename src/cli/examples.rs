//! The examples of every command, in one table: `--help` ends with them (kubectl style) and
//! the man pages print them in EXAMPLES, so the two never disagree. A test parses each
//! command against the real command line.

/// One example: what it does, and the command line.
pub type Example = (&'static str, &'static str);

/// The examples of a command, by its path as a user types it after `cnictl` (`""` for
/// cnictl itself, `"conf ls"` for a nested one).
pub fn examples(path: &str) -> &'static [Example] {
    EXAMPLES.iter().find(|(p, _)| *p == path).map_or(&[], |(_, list)| list)
}

/// Every command's examples.
const EXAMPLES: &[(&str, &[Example])] = &[
    ("", &[
        (
            "Run a network through its whole lifecycle in a sandbox",
            "cnictl run --sandbox mynet",
        ),
        ("Attach a namespace made with ip netns add, as cnitool does", "cnictl add mynet blue"),
        ("See every plugin call", "cnictl --trace add mynet blue"),
        ("Which file would each runtime use?", "cnictl conf ls"),
    ]),
    ("add", &[
        ("Attach the namespace blue to mynet", "cnictl add mynet blue"),
        (
            "Attach, with a port mapping through the portMappings capability",
            "cnictl add mynet blue --port-mapping 8080:80/tcp",
        ),
        (
            "Print exactly what cnitool prints",
            "cnictl -o cnitool add mynet /var/run/netns/blue",
        ),
    ]),
    ("check", &[
        ("Check an attachment with its cached result", "cnictl check mynet blue"),
        ("Check the second interface, showing every call", "cnictl --trace check mynet blue -i net1"),
    ]),
    ("del", &[
        ("Detach and drop the cache entry", "cnictl del mynet blue"),
        (
            "Detach what a runtime attached, by its container ID",
            "cnictl del mynet /var/run/netns/blue --container-id 4f2a",
        ),
        ("On a broken node, let every plugin release what it holds", "cnictl del --keep-going mynet blue"),
    ]),
    ("version", &[
        ("Which spec versions each plugin speaks", "cnictl version mynet"),
        ("The same, as JSON", "cnictl -o json version mynet"),
    ]),
    ("gc", &[
        ("What would be collected", "cnictl gc mynet --valid-from-netns"),
        ("Collect, keeping one attachment", "cnictl gc mynet --valid 4f2a/eth0 --apply"),
    ]),
    ("status", &[
        ("Ask every plugin whether it is ready", "cnictl status mynet"),
        ("The same, as JSON for a monitoring script", "cnictl -o json status mynet"),
    ]),
    ("run", &[
        ("The whole loop, hermetic", "cnictl run --sandbox mynet"),
        ("Reach the gateway from inside", "cnictl run --sandbox mynet -- ping -c1 10.22.0.1"),
        ("Leave it set up to poke at", "cnictl run --sandbox --keep mynet"),
    ]),
    ("netns", &[
        ("Make a namespace that stays", "cnictl netns create blue"),
        ("List them, with who made them", "cnictl netns ls"),
        ("Remove one", "cnictl netns rm blue"),
    ]),
    ("netns create", &[
        ("Make two named namespaces", "cnictl netns create blue red"),
        ("Make one with a generated name", "cnictl netns create"),
    ]),
    ("netns ls", &[
        ("The namespaces under /var/run/netns", "cnictl netns ls"),
        ("Only their names, for a script", "cnictl -o name netns ls"),
    ]),
    ("netns rm", &[
        ("Remove a namespace", "cnictl netns rm blue"),
        ("Remove several", "cnictl netns rm blue red"),
    ]),
    ("netns gc", &[
        ("What killed runs left behind", "cnictl netns gc --dry-run"),
        ("Remove it", "cnictl netns gc"),
    ]),
    ("inspect", &[
        ("Links, addresses and routes of a namespace", "cnictl inspect blue"),
        ("The same, by path and as JSON", "cnictl -o json inspect /var/run/netns/blue"),
    ]),
    ("cache", &[
        ("Cached attachments of one network", "cnictl cache ls --network mynet"),
        (
            "Decode one entry",
            "cnictl cache show mynet-cnitool-296747069b8a02dc4e2a-eth0",
        ),
    ]),
    ("cache ls", &[
        ("Every cached attachment", "cnictl cache ls"),
        ("Those of one network, in another cache", "cnictl --cache-dir /tmp/cni cache ls --network mynet"),
    ]),
    ("cache show", &[
        ("Decode one entry", "cnictl cache show mynet-cnitool-296747069b8a02dc4e2a-eth0"),
        ("The same, as JSON", "cnictl -o json cache show mynet-cnitool-296747069b8a02dc4e2a-eth0"),
    ]),
    ("cache rm", &[
        ("Remove one entry", "cnictl cache rm mynet-cnitool-296747069b8a02dc4e2a-eth0"),
        (
            "Remove entries by path",
            "cnictl cache rm /var/lib/cni/results/mynet-4f2a-eth0 /var/lib/cni/results/mynet-4f2a-net1",
        ),
    ]),
    ("ipam", &[
        ("Every host-local lease, and which are stale", "cnictl ipam leases"),
        ("Stale host-local leases of one network", "cnictl ipam leases mynet"),
    ]),
    ("ipam leases", &[
        ("Stale host-local leases of one network", "cnictl ipam leases mynet"),
        ("Release a stale lease without asking", "cnictl ipam leases mynet --release 10.22.0.5 --yes"),
    ]),
    ("record", &[
        (
            "Record every call a runtime makes, for plugins in /opt/cni/bin",
            "cnictl --cni-bin-dir /opt/cni/bin record install --shim-dir /opt/cni/record",
        ),
        ("What did the runtime send?", "cnictl record ls"),
        ("One call in full", "cnictl record show 1796418660976-19185"),
    ]),
    ("record install", &[
        (
            "Shims for the plugins in /opt/cni/bin, log in /var/log/cnictl",
            "cnictl --cni-bin-dir /opt/cni/bin record install --shim-dir /opt/cni/record",
        ),
        (
            "Also mask values of keys named like 'community'",
            "cnictl record install --redact-keys token,password,key,secret,credential,community",
        ),
    ]),
    ("record uninstall", &[
        ("Remove the shims (the log stays)", "cnictl record uninstall --shim-dir /opt/cni/record"),
        ("The default shim dir", "cnictl record uninstall"),
    ]),
    ("record status", &[
        ("What is installed, and how big the log is", "cnictl record status --shim-dir /opt/cni/record"),
        ("The same, as JSON", "cnictl -o json record status --shim-dir /opt/cni/record"),
    ]),
    ("record ls", &[
        ("Every recorded call", "cnictl record ls"),
        ("One container's calls, as JSON", "cnictl -o json record ls --container-id 4f2a"),
        ("Only the ids, for a script", "cnictl -o name record ls --network mynet"),
    ]),
    ("record show", &[
        ("One call in full: environment, stdin, stdout, stderr", "cnictl record show 1796418660976-19185"),
        ("By the start of its id, as JSON", "cnictl -o json record show 1796418660976"),
    ]),
    ("conf", &[
        ("The directory, explained", "cnictl conf ls"),
        ("The stdin each plugin of mynet gets on ADD", "cnictl conf show mynet --request add"),
        ("Diagnostics", "cnictl conf lint"),
    ]),
    ("conf ls", &[
        ("The directory, explained", "cnictl conf ls"),
        ("Another directory, without running plugins", "cnictl --cni-conf-dir ./net.d conf ls --offline"),
        ("As CRI-O with a default network would see it", "cnictl conf ls --default-network mynet"),
    ]),
    ("conf show", &[
        ("How mynet resolves", "cnictl conf show mynet"),
        ("The stdin each plugin of mynet gets on ADD", "cnictl conf show mynet --request add"),
        (
            "The stdin of DEL, with the result cached for blue",
            "cnictl conf show mynet --request del --netns blue",
        ),
    ]),
    ("conf lint", &[
        ("Diagnostics for the conf dir", "cnictl conf lint"),
        ("One file, without running plugins", "cnictl conf lint ./10-mynet.conflist --offline"),
    ]),
    ("completion", &[
        ("Completions for this bash session", "cnictl completion bash"),
        ("The static zsh script, for a package", "cnictl completion --static zsh"),
    ]),
];

/// The examples as `--help` ends with them.
pub fn help_text(examples: &[Example]) -> String {
    let mut text = String::from("Examples:");
    for (what, cmd) in examples {
        text.push_str(&format!("\n  # {what}\n  {cmd}\n"));
    }
    text.trim_end().to_string()
}
