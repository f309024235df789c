
use builtin;
use str;

set edit:completion:arg-completer[cnictl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'cnictl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'cnictl'= {
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Attach a namespace to a network: ADD through the whole chain, then cache the result'
            cand check 'Check an attachment: CHECK through the chain with the cached result'
            cand del 'Detach: DEL through the chain in reverse with the cached result, then drop the cache'
            cand version 'Ask every plugin of a network (and its IPAM plugins) which spec versions it speaks'
            cand gc 'Garbage collection, safely: a dry run unless --apply, and never with an empty valid set unless --all'
            cand status 'STATUS of every plugin of a network (cniVersion 1.1.0 and later)'
            cand run 'The whole loop in a throwaway namespace: VERSION, ADD, verify, CHECK, COMMAND, DEL, leak check, clean-up'
            cand netns 'Network namespaces made the way `ip netns add` makes them'
            cand inspect 'The live links, addresses and routes of a namespace, read over netlink'
            cand cache 'The attachments cached in <cache-dir>/results, by cnictl or any runtime'
            cand ipam 'host-local''s IP leases, and which are stale'
            cand conf 'The configuration directory, explained: which file each runtime uses, and why'
            cand record 'What a real runtime sends each plugin: recording shims in front of the real plugins, and the log of every call'
            cand completion 'Print the shell completion script, with network, namespace and cache entry names'
            cand generate 'Write shell completions and man pages (for packagers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cnictl;add'= {
            cand -i 'Interface name inside the namespace'
            cand --ifname 'Interface name inside the namespace'
            cand --container-id 'Container ID [default: cnitool''s: "cnitool-" and 20 hex digits of the SHA-512 of the namespace path]'
            cand --args 'CNI_ARGS, as KEY=VALUE pairs separated by '';'''
            cand --cap-args 'Capability arguments as a JSON object, e.g. ''{"portMappings":[...]}'''
            cand --port-mapping 'Port mapping for the portMappings capability (repeatable)'
            cand --ip 'Static address for the ips capability (repeatable)'
            cand --mac 'MAC address for the mac capability'
            cand --bandwidth 'Limits for the bandwidth capability, in bits per second and bits'
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --force 'ADD even when this network, container ID and ifname are already cached. A runtime never ADDs twice; a second ADD usually fails half-way and its clean-up would take the first attachment down with it'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;check'= {
            cand -i 'Interface name inside the namespace'
            cand --ifname 'Interface name inside the namespace'
            cand --container-id 'Container ID [default: cnitool''s: "cnitool-" and 20 hex digits of the SHA-512 of the namespace path]'
            cand --args 'CNI_ARGS, as KEY=VALUE pairs separated by '';'''
            cand --cap-args 'Capability arguments as a JSON object, e.g. ''{"portMappings":[...]}'''
            cand --port-mapping 'Port mapping for the portMappings capability (repeatable)'
            cand --ip 'Static address for the ips capability (repeatable)'
            cand --mac 'MAC address for the mac capability'
            cand --bandwidth 'Limits for the bandwidth capability, in bits per second and bits'
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;del'= {
            cand -i 'Interface name inside the namespace'
            cand --ifname 'Interface name inside the namespace'
            cand --container-id 'Container ID [default: cnitool''s: "cnitool-" and 20 hex digits of the SHA-512 of the namespace path]'
            cand --args 'CNI_ARGS, as KEY=VALUE pairs separated by '';'''
            cand --cap-args 'Capability arguments as a JSON object, e.g. ''{"portMappings":[...]}'''
            cand --port-mapping 'Port mapping for the portMappings capability (repeatable)'
            cand --ip 'Static address for the ips capability (repeatable)'
            cand --mac 'MAC address for the mac capability'
            cand --bandwidth 'Limits for the bandwidth capability, in bits per second and bits'
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --keep-going 'Run the remaining plugins of the chain after one fails, reporting each, so that the others still release what they hold (a node with a broken plugin). The cache entry stays when any plugin failed'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;version'= {
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;gc'= {
            cand --valid 'An attachment that is still in use, as CONTAINERID/IFNAME (repeatable)'
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --valid-from-netns 'Count every cached attachment whose namespace still exists as in use'
            cand --apply 'Do it: DEL the stale attachments, then GC (without it, only say what would happen)'
            cand --all 'Allow --apply with an empty valid set, which deletes every cached attachment'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;status'= {
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;run'= {
            cand -i 'Interface name inside the namespace'
            cand --ifname 'Interface name inside the namespace'
            cand --args 'CNI_ARGS, as KEY=VALUE pairs separated by '';'''
            cand --cap-args 'Capability arguments as a JSON object, e.g. ''{"portMappings":[...]}'''
            cand --port-mapping 'Port mapping for the portMappings capability (repeatable)'
            cand --ip 'Static address for the ips capability (repeatable)'
            cand --mac 'MAC address for the mac capability'
            cand --bandwidth 'Limits for the bandwidth capability, in bits per second and bits'
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --sandbox 'Run plugins in a throwaway host namespace with a private /var/lib/cni, so nothing they do reaches the node'
            cand --keep 'Stop after ADD, CHECK and COMMAND: leave the namespaces (no DEL, so no leak check) and print the commands that finish the job'
            cand --no-check 'Skip CHECK; COMMAND, DEL and the leak check still run'
            cand --fail-on-leak 'Exit 1 when DEL leaves something of this attachment behind on the host side'
            cand -q 'Print only the one-line verdict and what failed (tables only; JSON is unchanged)'
            cand --quiet 'Print only the one-line verdict and what failed (tables only; JSON is unchanged)'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;netns'= {
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a named network namespace (default name: cnictl-<random>) that stays until `netns rm`'
            cand ls 'List the namespaces under /var/run/netns, with who made them'
            cand rm 'Remove namespaces (and the temporary directories cnictl noted with them)'
            cand gc 'Remove what killed cnictl runs left behind: their namespaces whose owner is gone'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cnictl;netns;create'= {
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;netns;ls'= {
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;netns;rm'= {
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --yes 'Remove namespaces that still have cached attachments without asking'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;netns;gc'= {
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --dry-run 'Only say what would be removed'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;netns;help'= {
            cand create 'Create a named network namespace (default name: cnictl-<random>) that stays until `netns rm`'
            cand ls 'List the namespaces under /var/run/netns, with who made them'
            cand rm 'Remove namespaces (and the temporary directories cnictl noted with them)'
            cand gc 'Remove what killed cnictl runs left behind: their namespaces whose owner is gone'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cnictl;netns;help;create'= {
        }
        &'cnictl;netns;help;ls'= {
        }
        &'cnictl;netns;help;rm'= {
        }
        &'cnictl;netns;help;gc'= {
        }
        &'cnictl;netns;help;help'= {
        }
        &'cnictl;inspect'= {
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;cache'= {
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ls 'List the cached attachments'
            cand show 'Decode one entry: configuration, args, capability args, result'
            cand rm 'Remove entries Remove entries; one whose namespace still exists is a live attachment, and is removed only when confirmed (or with --yes)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cnictl;cache;ls'= {
            cand --network 'Only this network''s'
            cand --container-id 'Only this container''s'
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;cache;show'= {
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;cache;rm'= {
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --yes 'Remove entries of live attachments without asking'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;cache;help'= {
            cand ls 'List the cached attachments'
            cand show 'Decode one entry: configuration, args, capability args, result'
            cand rm 'Remove entries Remove entries; one whose namespace still exists is a live attachment, and is removed only when confirmed (or with --yes)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cnictl;cache;help;ls'= {
        }
        &'cnictl;cache;help;show'= {
        }
        &'cnictl;cache;help;rm'= {
        }
        &'cnictl;cache;help;help'= {
        }
        &'cnictl;ipam'= {
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand leases 'host-local''s leases, and which are stale'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cnictl;ipam;leases'= {
            cand --release 'Remove this stale lease, holding host-local''s lock'
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --yes 'Do not ask before releasing'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;ipam;help'= {
            cand leases 'host-local''s leases, and which are stale'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cnictl;ipam;help;leases'= {
        }
        &'cnictl;ipam;help;help'= {
        }
        &'cnictl;conf'= {
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ls 'Every file of the conf dir: format, network, version, plugins, status; then the default network as containerd, CRI-O, the kubelet and libcni would each pick it'
            cand show 'One network resolved: its file, where each plugin came from, the version chosen and why; with --request, the exact stdin each plugin would receive'
            cand lint 'Diagnostics for a file or a directory (default: the conf dir), with fixes; exits 2 when there are errors'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cnictl;conf;ls'= {
            cand --max-conf-num 'containerd''s max_conf_num: how many files it loads (0: all)'
            cand --default-network 'CRI-O''s cni_default_network'
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --offline 'Do not ask plugins VERSION (binaries are still looked for)'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;conf;show'= {
            cand --request 'Show the stdin of each plugin for this operation'
            cand --netns 'Namespace, to find a cached result for CHECK/DEL (as `add` would name it)'
            cand --container-id 'Container ID, to find a cached result for CHECK/DEL'
            cand -i 'Interface name inside the namespace'
            cand --ifname 'Interface name inside the namespace'
            cand --args 'CNI_ARGS, as KEY=VALUE pairs separated by '';'''
            cand --cap-args 'Capability arguments as a JSON object, e.g. ''{"portMappings":[...]}'''
            cand --port-mapping 'Port mapping for the portMappings capability (repeatable)'
            cand --ip 'Static address for the ips capability (repeatable)'
            cand --mac 'MAC address for the mac capability'
            cand --bandwidth 'Limits for the bandwidth capability, in bits per second and bits'
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;conf;lint'= {
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --offline 'Do not ask plugins VERSION'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;conf;help'= {
            cand ls 'Every file of the conf dir: format, network, version, plugins, status; then the default network as containerd, CRI-O, the kubelet and libcni would each pick it'
            cand show 'One network resolved: its file, where each plugin came from, the version chosen and why; with --request, the exact stdin each plugin would receive'
            cand lint 'Diagnostics for a file or a directory (default: the conf dir), with fixes; exits 2 when there are errors'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cnictl;conf;help;ls'= {
        }
        &'cnictl;conf;help;show'= {
        }
        &'cnictl;conf;help;lint'= {
        }
        &'cnictl;conf;help;help'= {
        }
        &'cnictl;record'= {
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand install 'Make a shim dir: a link to cnictl for every plugin in the bin dirs, and the marker naming them; then print the line that puts it first in each runtime''s plugin path'
            cand uninstall 'Remove the links and the marker install made (never anything else); the log stays'
            cand status 'What a shim dir holds, which plugins have no shim, and the log''s size and records'
            cand ls 'The recorded calls, oldest first: a delegated IPAM call names the call it came from'
            cand show 'One recorded call in full: caller, links, environment, stdin, stdout, stderr'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cnictl;record;install'= {
            cand --shim-dir 'The directory of shims to make (new, empty, or made by install before)'
            cand --log-dir 'Where the shims write the log (made 0700)'
            cand --redact-keys 'Key fragments that mark a secret, comma-separated, case-insensitive'
            cand --stream-cap 'The most of each stream (stdin, stdout, stderr) one record keeps; the plugin''s own streams are never cut'
            cand --log-cap 'The size at which the log is rotated'
            cand --keep 'How many rotated logs to keep'
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-redact 'Log secrets as they are: without it, values of keys named like the --redact-keys are masked in the logged stdin and environment'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;record;uninstall'= {
            cand --shim-dir 'The shim dir install made'
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;record;status'= {
            cand --shim-dir 'The shim dir to look at'
            cand --log-dir 'The log dir to look at [default: the shim dir''s, else /var/log/cnictl]'
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;record;ls'= {
            cand --log-dir 'The log dir install was given'
            cand --network 'Only this network''s calls'
            cand --container-id 'Only this container''s calls'
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;record;show'= {
            cand --log-dir 'The log dir install was given'
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;record;help'= {
            cand install 'Make a shim dir: a link to cnictl for every plugin in the bin dirs, and the marker naming them; then print the line that puts it first in each runtime''s plugin path'
            cand uninstall 'Remove the links and the marker install made (never anything else); the log stays'
            cand status 'What a shim dir holds, which plugins have no shim, and the log''s size and records'
            cand ls 'The recorded calls, oldest first: a delegated IPAM call names the call it came from'
            cand show 'One recorded call in full: caller, links, environment, stdin, stdout, stderr'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cnictl;record;help;install'= {
        }
        &'cnictl;record;help;uninstall'= {
        }
        &'cnictl;record;help;status'= {
        }
        &'cnictl;record;help;ls'= {
        }
        &'cnictl;record;help;show'= {
        }
        &'cnictl;record;help;help'= {
        }
        &'cnictl;completion'= {
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --static 'Print the static script instead (subcommands and options, no network, namespace or cache entry names), the one completions/ holds for packages'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;generate'= {
            cand --dir 'Where to write completions/ and man/'
            cand --cni-conf-dir 'Directory of network configurations (.conflist, .conf, .json)'
            cand --cni-bin-dir 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]'
            cand --cache-dir 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]'
            cand -o 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --output 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists'
            cand --color 'When to use colour (NO_COLOR is honoured under auto)'
            cand --timeout 'Time limit of each plugin call; the plugin and its children are killed after it'
            cand --host-netns 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node'
            cand --plugin-state-dir 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s'
            cand --no-headers 'Tables without their header row'
            cand --trace 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
            cand --inherit-env 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cnictl;help'= {
            cand add 'Attach a namespace to a network: ADD through the whole chain, then cache the result'
            cand check 'Check an attachment: CHECK through the chain with the cached result'
            cand del 'Detach: DEL through the chain in reverse with the cached result, then drop the cache'
            cand version 'Ask every plugin of a network (and its IPAM plugins) which spec versions it speaks'
            cand gc 'Garbage collection, safely: a dry run unless --apply, and never with an empty valid set unless --all'
            cand status 'STATUS of every plugin of a network (cniVersion 1.1.0 and later)'
            cand run 'The whole loop in a throwaway namespace: VERSION, ADD, verify, CHECK, COMMAND, DEL, leak check, clean-up'
            cand netns 'Network namespaces made the way `ip netns add` makes them'
            cand inspect 'The live links, addresses and routes of a namespace, read over netlink'
            cand cache 'The attachments cached in <cache-dir>/results, by cnictl or any runtime'
            cand ipam 'host-local''s IP leases, and which are stale'
            cand conf 'The configuration directory, explained: which file each runtime uses, and why'
            cand record 'What a real runtime sends each plugin: recording shims in front of the real plugins, and the log of every call'
            cand completion 'Print the shell completion script, with network, namespace and cache entry names'
            cand generate 'Write shell completions and man pages (for packagers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cnictl;help;add'= {
        }
        &'cnictl;help;check'= {
        }
        &'cnictl;help;del'= {
        }
        &'cnictl;help;version'= {
        }
        &'cnictl;help;gc'= {
        }
        &'cnictl;help;status'= {
        }
        &'cnictl;help;run'= {
        }
        &'cnictl;help;netns'= {
            cand create 'Create a named network namespace (default name: cnictl-<random>) that stays until `netns rm`'
            cand ls 'List the namespaces under /var/run/netns, with who made them'
            cand rm 'Remove namespaces (and the temporary directories cnictl noted with them)'
            cand gc 'Remove what killed cnictl runs left behind: their namespaces whose owner is gone'
        }
        &'cnictl;help;netns;create'= {
        }
        &'cnictl;help;netns;ls'= {
        }
        &'cnictl;help;netns;rm'= {
        }
        &'cnictl;help;netns;gc'= {
        }
        &'cnictl;help;inspect'= {
        }
        &'cnictl;help;cache'= {
            cand ls 'List the cached attachments'
            cand show 'Decode one entry: configuration, args, capability args, result'
            cand rm 'Remove entries Remove entries; one whose namespace still exists is a live attachment, and is removed only when confirmed (or with --yes)'
        }
        &'cnictl;help;cache;ls'= {
        }
        &'cnictl;help;cache;show'= {
        }
        &'cnictl;help;cache;rm'= {
        }
        &'cnictl;help;ipam'= {
            cand leases 'host-local''s leases, and which are stale'
        }
        &'cnictl;help;ipam;leases'= {
        }
        &'cnictl;help;conf'= {
            cand ls 'Every file of the conf dir: format, network, version, plugins, status; then the default network as containerd, CRI-O, the kubelet and libcni would each pick it'
            cand show 'One network resolved: its file, where each plugin came from, the version chosen and why; with --request, the exact stdin each plugin would receive'
            cand lint 'Diagnostics for a file or a directory (default: the conf dir), with fixes; exits 2 when there are errors'
        }
        &'cnictl;help;conf;ls'= {
        }
        &'cnictl;help;conf;show'= {
        }
        &'cnictl;help;conf;lint'= {
        }
        &'cnictl;help;record'= {
            cand install 'Make a shim dir: a link to cnictl for every plugin in the bin dirs, and the marker naming them; then print the line that puts it first in each runtime''s plugin path'
            cand uninstall 'Remove the links and the marker install made (never anything else); the log stays'
            cand status 'What a shim dir holds, which plugins have no shim, and the log''s size and records'
            cand ls 'The recorded calls, oldest first: a delegated IPAM call names the call it came from'
            cand show 'One recorded call in full: caller, links, environment, stdin, stdout, stderr'
        }
        &'cnictl;help;record;install'= {
        }
        &'cnictl;help;record;uninstall'= {
        }
        &'cnictl;help;record;status'= {
        }
        &'cnictl;help;record;ls'= {
        }
        &'cnictl;help;record;show'= {
        }
        &'cnictl;help;completion'= {
        }
        &'cnictl;help;generate'= {
        }
        &'cnictl;help;help'= {
        }
    ]
    $completions[$command]
}
