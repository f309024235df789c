# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_cnictl_global_optspecs
    string join \n cni-conf-dir= cni-bin-dir= cache-dir= o/output= no-headers trace color= timeout= inherit-env host-netns= plugin-state-dir= h/help V/version
end

function __fish_cnictl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_cnictl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_cnictl_using_subcommand
    set -l cmd (__fish_cnictl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c cnictl -n "__fish_cnictl_needs_command" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_needs_command" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_needs_command" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_needs_command" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_needs_command" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_needs_command" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_needs_command" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_needs_command" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_needs_command" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_needs_command" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_needs_command" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_needs_command" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_needs_command" -f -a "add" -d 'Attach a namespace to a network: ADD through the whole chain, then cache the result'
complete -c cnictl -n "__fish_cnictl_needs_command" -f -a "check" -d 'Check an attachment: CHECK through the chain with the cached result'
complete -c cnictl -n "__fish_cnictl_needs_command" -f -a "del" -d 'Detach: DEL through the chain in reverse with the cached result, then drop the cache'
complete -c cnictl -n "__fish_cnictl_needs_command" -f -a "version" -d 'Ask every plugin of a network (and its IPAM plugins) which spec versions it speaks'
complete -c cnictl -n "__fish_cnictl_needs_command" -f -a "gc" -d 'Garbage collection, safely: a dry run unless --apply, and never with an empty valid set unless --all'
complete -c cnictl -n "__fish_cnictl_needs_command" -f -a "status" -d 'STATUS of every plugin of a network (cniVersion 1.1.0 and later)'
complete -c cnictl -n "__fish_cnictl_needs_command" -f -a "run" -d 'The whole loop in a throwaway namespace: VERSION, ADD, verify, CHECK, COMMAND, DEL, leak check, clean-up'
complete -c cnictl -n "__fish_cnictl_needs_command" -f -a "netns" -d 'Network namespaces made the way `ip netns add` makes them'
complete -c cnictl -n "__fish_cnictl_needs_command" -f -a "inspect" -d 'The live links, addresses and routes of a namespace, read over netlink'
complete -c cnictl -n "__fish_cnictl_needs_command" -f -a "cache" -d 'The attachments cached in <cache-dir>/results, by cnictl or any runtime'
complete -c cnictl -n "__fish_cnictl_needs_command" -f -a "ipam" -d 'host-local\'s IP leases, and which are stale'
complete -c cnictl -n "__fish_cnictl_needs_command" -f -a "conf" -d 'The configuration directory, explained: which file each runtime uses, and why'
complete -c cnictl -n "__fish_cnictl_needs_command" -f -a "record" -d 'What a real runtime sends each plugin: recording shims in front of the real plugins, and the log of every call'
complete -c cnictl -n "__fish_cnictl_needs_command" -f -a "completion" -d 'Print the shell completion script, with network, namespace and cache entry names'
complete -c cnictl -n "__fish_cnictl_needs_command" -f -a "generate" -d 'Write shell completions and man pages (for packagers)'
complete -c cnictl -n "__fish_cnictl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -s i -l ifname -d 'Interface name inside the namespace' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -l container-id -d 'Container ID [default: cnitool\'s: "cnitool-" and 20 hex digits of the SHA-512 of the namespace path]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -l args -d 'CNI_ARGS, as KEY=VALUE pairs separated by \';\'' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -l cap-args -d 'Capability arguments as a JSON object, e.g. \'{"portMappings":[...]}\'' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -l port-mapping -d 'Port mapping for the portMappings capability (repeatable)' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -l ip -d 'Static address for the ips capability (repeatable)' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -l mac -d 'MAC address for the mac capability' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -l bandwidth -d 'Limits for the bandwidth capability, in bits per second and bits' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -l force -d 'ADD even when this network, container ID and ifname are already cached. A runtime never ADDs twice; a second ADD usually fails half-way and its clean-up would take the first attachment down with it'
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand add" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -s i -l ifname -d 'Interface name inside the namespace' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -l container-id -d 'Container ID [default: cnitool\'s: "cnitool-" and 20 hex digits of the SHA-512 of the namespace path]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -l args -d 'CNI_ARGS, as KEY=VALUE pairs separated by \';\'' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -l cap-args -d 'Capability arguments as a JSON object, e.g. \'{"portMappings":[...]}\'' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -l port-mapping -d 'Port mapping for the portMappings capability (repeatable)' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -l ip -d 'Static address for the ips capability (repeatable)' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -l mac -d 'MAC address for the mac capability' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -l bandwidth -d 'Limits for the bandwidth capability, in bits per second and bits' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand check" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -s i -l ifname -d 'Interface name inside the namespace' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -l container-id -d 'Container ID [default: cnitool\'s: "cnitool-" and 20 hex digits of the SHA-512 of the namespace path]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -l args -d 'CNI_ARGS, as KEY=VALUE pairs separated by \';\'' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -l cap-args -d 'Capability arguments as a JSON object, e.g. \'{"portMappings":[...]}\'' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -l port-mapping -d 'Port mapping for the portMappings capability (repeatable)' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -l ip -d 'Static address for the ips capability (repeatable)' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -l mac -d 'MAC address for the mac capability' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -l bandwidth -d 'Limits for the bandwidth capability, in bits per second and bits' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -l keep-going -d 'Run the remaining plugins of the chain after one fails, reporting each, so that the others still release what they hold (a node with a broken plugin). The cache entry stays when any plugin failed'
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand del" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand version" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand version" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand version" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand version" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand version" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand version" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand version" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand version" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand version" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand version" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand version" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand version" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand gc" -l valid -d 'An attachment that is still in use, as CONTAINERID/IFNAME (repeatable)' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand gc" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand gc" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand gc" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand gc" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand gc" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand gc" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand gc" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand gc" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand gc" -l valid-from-netns -d 'Count every cached attachment whose namespace still exists as in use'
complete -c cnictl -n "__fish_cnictl_using_subcommand gc" -l apply -d 'Do it: DEL the stale attachments, then GC (without it, only say what would happen)'
complete -c cnictl -n "__fish_cnictl_using_subcommand gc" -l all -d 'Allow --apply with an empty valid set, which deletes every cached attachment'
complete -c cnictl -n "__fish_cnictl_using_subcommand gc" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand gc" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand gc" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand gc" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand gc" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand status" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand status" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand status" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand status" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand status" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand status" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand status" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand status" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand status" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand status" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand status" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand status" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -s i -l ifname -d 'Interface name inside the namespace' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l args -d 'CNI_ARGS, as KEY=VALUE pairs separated by \';\'' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l cap-args -d 'Capability arguments as a JSON object, e.g. \'{"portMappings":[...]}\'' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l port-mapping -d 'Port mapping for the portMappings capability (repeatable)' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l ip -d 'Static address for the ips capability (repeatable)' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l mac -d 'MAC address for the mac capability' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l bandwidth -d 'Limits for the bandwidth capability, in bits per second and bits' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l sandbox -d 'Run plugins in a throwaway host namespace with a private /var/lib/cni, so nothing they do reaches the node'
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l keep -d 'Stop after ADD, CHECK and COMMAND: leave the namespaces (no DEL, so no leak check) and print the commands that finish the job'
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l no-check -d 'Skip CHECK; COMMAND, DEL and the leak check still run'
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l fail-on-leak -d 'Exit 1 when DEL leaves something of this attachment behind on the host side'
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -s q -l quiet -d 'Print only the one-line verdict and what failed (tables only; JSON is unchanged)'
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand run" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and not __fish_seen_subcommand_from create ls rm gc help" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and not __fish_seen_subcommand_from create ls rm gc help" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and not __fish_seen_subcommand_from create ls rm gc help" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and not __fish_seen_subcommand_from create ls rm gc help" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and not __fish_seen_subcommand_from create ls rm gc help" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and not __fish_seen_subcommand_from create ls rm gc help" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and not __fish_seen_subcommand_from create ls rm gc help" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and not __fish_seen_subcommand_from create ls rm gc help" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and not __fish_seen_subcommand_from create ls rm gc help" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and not __fish_seen_subcommand_from create ls rm gc help" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and not __fish_seen_subcommand_from create ls rm gc help" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and not __fish_seen_subcommand_from create ls rm gc help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and not __fish_seen_subcommand_from create ls rm gc help" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and not __fish_seen_subcommand_from create ls rm gc help" -f -a "create" -d 'Create a named network namespace (default name: cnictl-<random>) that stays until `netns rm`'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and not __fish_seen_subcommand_from create ls rm gc help" -f -a "ls" -d 'List the namespaces under /var/run/netns, with who made them'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and not __fish_seen_subcommand_from create ls rm gc help" -f -a "rm" -d 'Remove namespaces (and the temporary directories cnictl noted with them)'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and not __fish_seen_subcommand_from create ls rm gc help" -f -a "gc" -d 'Remove what killed cnictl runs left behind: their namespaces whose owner is gone'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and not __fish_seen_subcommand_from create ls rm gc help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from create" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from create" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from create" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from create" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from create" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from create" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from create" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from create" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from create" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from create" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from ls" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from ls" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from ls" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from ls" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from ls" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from ls" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from ls" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from ls" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from ls" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from rm" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from rm" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from rm" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from rm" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from rm" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from rm" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from rm" -l yes -d 'Remove namespaces that still have cached attachments without asking'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from rm" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from rm" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from rm" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from gc" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from gc" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from gc" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from gc" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from gc" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from gc" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from gc" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from gc" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from gc" -l dry-run -d 'Only say what would be removed'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from gc" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from gc" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from gc" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from gc" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from gc" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a named network namespace (default name: cnictl-<random>) that stays until `netns rm`'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List the namespaces under /var/run/netns, with who made them'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove namespaces (and the temporary directories cnictl noted with them)'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from help" -f -a "gc" -d 'Remove what killed cnictl runs left behind: their namespaces whose owner is gone'
complete -c cnictl -n "__fish_cnictl_using_subcommand netns; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cnictl -n "__fish_cnictl_using_subcommand inspect" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand inspect" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand inspect" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand inspect" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand inspect" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand inspect" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand inspect" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand inspect" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand inspect" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand inspect" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand inspect" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand inspect" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and not __fish_seen_subcommand_from ls show rm help" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and not __fish_seen_subcommand_from ls show rm help" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and not __fish_seen_subcommand_from ls show rm help" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and not __fish_seen_subcommand_from ls show rm help" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and not __fish_seen_subcommand_from ls show rm help" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and not __fish_seen_subcommand_from ls show rm help" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and not __fish_seen_subcommand_from ls show rm help" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and not __fish_seen_subcommand_from ls show rm help" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and not __fish_seen_subcommand_from ls show rm help" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and not __fish_seen_subcommand_from ls show rm help" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and not __fish_seen_subcommand_from ls show rm help" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and not __fish_seen_subcommand_from ls show rm help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and not __fish_seen_subcommand_from ls show rm help" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and not __fish_seen_subcommand_from ls show rm help" -f -a "ls" -d 'List the cached attachments'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and not __fish_seen_subcommand_from ls show rm help" -f -a "show" -d 'Decode one entry: configuration, args, capability args, result'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and not __fish_seen_subcommand_from ls show rm help" -f -a "rm" -d 'Remove entries Remove entries; one whose namespace still exists is a live attachment, and is removed only when confirmed (or with --yes)'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and not __fish_seen_subcommand_from ls show rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from ls" -l network -d 'Only this network\'s' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from ls" -l container-id -d 'Only this container\'s' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from ls" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from ls" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from ls" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from ls" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from ls" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from ls" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from ls" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from ls" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from ls" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from show" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from show" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from show" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from show" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from show" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from show" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from show" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from show" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from show" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from rm" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from rm" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from rm" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from rm" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from rm" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from rm" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from rm" -l yes -d 'Remove entries of live attachments without asking'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from rm" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from rm" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from rm" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List the cached attachments'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "show" -d 'Decode one entry: configuration, args, capability args, result'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove entries Remove entries; one whose namespace still exists is a live attachment, and is removed only when confirmed (or with --yes)'
complete -c cnictl -n "__fish_cnictl_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and not __fish_seen_subcommand_from leases help" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and not __fish_seen_subcommand_from leases help" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and not __fish_seen_subcommand_from leases help" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and not __fish_seen_subcommand_from leases help" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and not __fish_seen_subcommand_from leases help" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and not __fish_seen_subcommand_from leases help" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and not __fish_seen_subcommand_from leases help" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and not __fish_seen_subcommand_from leases help" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and not __fish_seen_subcommand_from leases help" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and not __fish_seen_subcommand_from leases help" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and not __fish_seen_subcommand_from leases help" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and not __fish_seen_subcommand_from leases help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and not __fish_seen_subcommand_from leases help" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and not __fish_seen_subcommand_from leases help" -f -a "leases" -d 'host-local\'s leases, and which are stale'
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and not __fish_seen_subcommand_from leases help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and __fish_seen_subcommand_from leases" -l release -d 'Remove this stale lease, holding host-local\'s lock' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and __fish_seen_subcommand_from leases" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and __fish_seen_subcommand_from leases" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and __fish_seen_subcommand_from leases" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and __fish_seen_subcommand_from leases" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and __fish_seen_subcommand_from leases" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and __fish_seen_subcommand_from leases" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and __fish_seen_subcommand_from leases" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and __fish_seen_subcommand_from leases" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and __fish_seen_subcommand_from leases" -l yes -d 'Do not ask before releasing'
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and __fish_seen_subcommand_from leases" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and __fish_seen_subcommand_from leases" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and __fish_seen_subcommand_from leases" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and __fish_seen_subcommand_from leases" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and __fish_seen_subcommand_from leases" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and __fish_seen_subcommand_from help" -f -a "leases" -d 'host-local\'s leases, and which are stale'
complete -c cnictl -n "__fish_cnictl_using_subcommand ipam; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and not __fish_seen_subcommand_from ls show lint help" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and not __fish_seen_subcommand_from ls show lint help" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and not __fish_seen_subcommand_from ls show lint help" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and not __fish_seen_subcommand_from ls show lint help" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and not __fish_seen_subcommand_from ls show lint help" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and not __fish_seen_subcommand_from ls show lint help" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and not __fish_seen_subcommand_from ls show lint help" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and not __fish_seen_subcommand_from ls show lint help" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and not __fish_seen_subcommand_from ls show lint help" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and not __fish_seen_subcommand_from ls show lint help" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and not __fish_seen_subcommand_from ls show lint help" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and not __fish_seen_subcommand_from ls show lint help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and not __fish_seen_subcommand_from ls show lint help" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and not __fish_seen_subcommand_from ls show lint help" -f -a "ls" -d 'Every file of the conf dir: format, network, version, plugins, status; then the default network as containerd, CRI-O, the kubelet and libcni would each pick it'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and not __fish_seen_subcommand_from ls show lint help" -f -a "show" -d 'One network resolved: its file, where each plugin came from, the version chosen and why; with --request, the exact stdin each plugin would receive'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and not __fish_seen_subcommand_from ls show lint help" -f -a "lint" -d 'Diagnostics for a file or a directory (default: the conf dir), with fixes; exits 2 when there are errors'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and not __fish_seen_subcommand_from ls show lint help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from ls" -l max-conf-num -d 'containerd\'s max_conf_num: how many files it loads (0: all)' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from ls" -l default-network -d 'CRI-O\'s cni_default_network' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from ls" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from ls" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from ls" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from ls" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from ls" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from ls" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from ls" -l offline -d 'Do not ask plugins VERSION (binaries are still looked for)'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from ls" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from ls" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from ls" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l request -d 'Show the stdin of each plugin for this operation' -r -f -a "add\t''
check\t''
del\t''
gc\t''
status\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l netns -d 'Namespace, to find a cached result for CHECK/DEL (as `add` would name it)' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l container-id -d 'Container ID, to find a cached result for CHECK/DEL' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -s i -l ifname -d 'Interface name inside the namespace' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l args -d 'CNI_ARGS, as KEY=VALUE pairs separated by \';\'' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l cap-args -d 'Capability arguments as a JSON object, e.g. \'{"portMappings":[...]}\'' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l port-mapping -d 'Port mapping for the portMappings capability (repeatable)' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l ip -d 'Static address for the ips capability (repeatable)' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l mac -d 'MAC address for the mac capability' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l bandwidth -d 'Limits for the bandwidth capability, in bits per second and bits' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from lint" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from lint" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from lint" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from lint" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from lint" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from lint" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from lint" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from lint" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from lint" -l offline -d 'Do not ask plugins VERSION'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from lint" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from lint" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from lint" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from lint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from lint" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from help" -f -a "ls" -d 'Every file of the conf dir: format, network, version, plugins, status; then the default network as containerd, CRI-O, the kubelet and libcni would each pick it'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from help" -f -a "show" -d 'One network resolved: its file, where each plugin came from, the version chosen and why; with --request, the exact stdin each plugin would receive'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from help" -f -a "lint" -d 'Diagnostics for a file or a directory (default: the conf dir), with fixes; exits 2 when there are errors'
complete -c cnictl -n "__fish_cnictl_using_subcommand conf; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -f -a "install" -d 'Make a shim dir: a link to cnictl for every plugin in the bin dirs, and the marker naming them; then print the line that puts it first in each runtime\'s plugin path'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -f -a "uninstall" -d 'Remove the links and the marker install made (never anything else); the log stays'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -f -a "status" -d 'What a shim dir holds, which plugins have no shim, and the log\'s size and records'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -f -a "ls" -d 'The recorded calls, oldest first: a delegated IPAM call names the call it came from'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -f -a "show" -d 'One recorded call in full: caller, links, environment, stdin, stdout, stderr'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and not __fish_seen_subcommand_from install uninstall status ls show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -l shim-dir -d 'The directory of shims to make (new, empty, or made by install before)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -l log-dir -d 'Where the shims write the log (made 0700)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -l redact-keys -d 'Key fragments that mark a secret, comma-separated, case-insensitive' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -l stream-cap -d 'The most of each stream (stdin, stdout, stderr) one record keeps; the plugin\'s own streams are never cut' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -l log-cap -d 'The size at which the log is rotated' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -l keep -d 'How many rotated logs to keep' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -l no-redact -d 'Log secrets as they are: without it, values of keys named like the --redact-keys are masked in the logged stdin and environment'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from install" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from uninstall" -l shim-dir -d 'The shim dir install made' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from uninstall" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from uninstall" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from uninstall" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from uninstall" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from uninstall" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from uninstall" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from uninstall" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from uninstall" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from uninstall" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from uninstall" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from uninstall" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from uninstall" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from uninstall" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from status" -l shim-dir -d 'The shim dir to look at' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from status" -l log-dir -d 'The log dir to look at [default: the shim dir\'s, else /var/log/cnictl]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from status" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from status" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from status" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from status" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from status" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from status" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from status" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from status" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from status" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from status" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from ls" -l log-dir -d 'The log dir install was given' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from ls" -l network -d 'Only this network\'s calls' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from ls" -l container-id -d 'Only this container\'s calls' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from ls" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from ls" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from ls" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from ls" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from ls" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from ls" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from ls" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from ls" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from ls" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from show" -l log-dir -d 'The log dir install was given' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from show" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from show" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from show" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from show" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from show" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from show" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from show" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from show" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from show" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from help" -f -a "install" -d 'Make a shim dir: a link to cnictl for every plugin in the bin dirs, and the marker naming them; then print the line that puts it first in each runtime\'s plugin path'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from help" -f -a "uninstall" -d 'Remove the links and the marker install made (never anything else); the log stays'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from help" -f -a "status" -d 'What a shim dir holds, which plugins have no shim, and the log\'s size and records'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from help" -f -a "ls" -d 'The recorded calls, oldest first: a delegated IPAM call names the call it came from'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from help" -f -a "show" -d 'One recorded call in full: caller, links, environment, stdin, stdout, stderr'
complete -c cnictl -n "__fish_cnictl_using_subcommand record; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cnictl -n "__fish_cnictl_using_subcommand completion" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand completion" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand completion" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand completion" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand completion" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand completion" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand completion" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand completion" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand completion" -l static -d 'Print the static script instead (subcommands and options, no network, namespace or cache entry names), the one completions/ holds for packages'
complete -c cnictl -n "__fish_cnictl_using_subcommand completion" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand completion" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand completion" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand completion" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand completion" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand generate" -l dir -d 'Where to write completions/ and man/' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand generate" -l cni-conf-dir -d 'Directory of network configurations (.conflist, .conf, .json)' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand generate" -l cni-bin-dir -d 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand generate" -l cache-dir -d 'Root of the result cache (results/ below it), as libcni\'s [default: /var/lib/cni; for `run`, a private temporary one]' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand generate" -s o -l output -d 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists' -r -f -a "table\t'Readable tables'
json\t'One JSON report on stdout, also for failures'
cnitool\t'cnitool\'s output: the final result of ADD as JSON, nothing for other commands'
name\t'The names of what a listing command lists, one a line (conf ls, netns ls, cache ls)'"
complete -c cnictl -n "__fish_cnictl_using_subcommand generate" -l color -d 'When to use colour (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cnictl -n "__fish_cnictl_using_subcommand generate" -l timeout -d 'Time limit of each plugin call; the plugin and its children are killed after it' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand generate" -l host-netns -d 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl\'s own: a stand-in for the node' -r
complete -c cnictl -n "__fish_cnictl_using_subcommand generate" -l plugin-state-dir -d 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node\'s' -r -F
complete -c cnictl -n "__fish_cnictl_using_subcommand generate" -l no-headers -d 'Tables without their header row'
complete -c cnictl -n "__fish_cnictl_using_subcommand generate" -l trace -d 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)'
complete -c cnictl -n "__fish_cnictl_using_subcommand generate" -l inherit-env -d 'Give plugins cnictl\'s whole environment, as libcni does, instead of only CNI_* and PATH'
complete -c cnictl -n "__fish_cnictl_using_subcommand generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cnictl -n "__fish_cnictl_using_subcommand generate" -s V -l version -d 'Print version'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and not __fish_seen_subcommand_from add check del version gc status run netns inspect cache ipam conf record completion generate help" -f -a "add" -d 'Attach a namespace to a network: ADD through the whole chain, then cache the result'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and not __fish_seen_subcommand_from add check del version gc status run netns inspect cache ipam conf record completion generate help" -f -a "check" -d 'Check an attachment: CHECK through the chain with the cached result'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and not __fish_seen_subcommand_from add check del version gc status run netns inspect cache ipam conf record completion generate help" -f -a "del" -d 'Detach: DEL through the chain in reverse with the cached result, then drop the cache'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and not __fish_seen_subcommand_from add check del version gc status run netns inspect cache ipam conf record completion generate help" -f -a "version" -d 'Ask every plugin of a network (and its IPAM plugins) which spec versions it speaks'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and not __fish_seen_subcommand_from add check del version gc status run netns inspect cache ipam conf record completion generate help" -f -a "gc" -d 'Garbage collection, safely: a dry run unless --apply, and never with an empty valid set unless --all'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and not __fish_seen_subcommand_from add check del version gc status run netns inspect cache ipam conf record completion generate help" -f -a "status" -d 'STATUS of every plugin of a network (cniVersion 1.1.0 and later)'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and not __fish_seen_subcommand_from add check del version gc status run netns inspect cache ipam conf record completion generate help" -f -a "run" -d 'The whole loop in a throwaway namespace: VERSION, ADD, verify, CHECK, COMMAND, DEL, leak check, clean-up'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and not __fish_seen_subcommand_from add check del version gc status run netns inspect cache ipam conf record completion generate help" -f -a "netns" -d 'Network namespaces made the way `ip netns add` makes them'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and not __fish_seen_subcommand_from add check del version gc status run netns inspect cache ipam conf record completion generate help" -f -a "inspect" -d 'The live links, addresses and routes of a namespace, read over netlink'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and not __fish_seen_subcommand_from add check del version gc status run netns inspect cache ipam conf record completion generate help" -f -a "cache" -d 'The attachments cached in <cache-dir>/results, by cnictl or any runtime'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and not __fish_seen_subcommand_from add check del version gc status run netns inspect cache ipam conf record completion generate help" -f -a "ipam" -d 'host-local\'s IP leases, and which are stale'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and not __fish_seen_subcommand_from add check del version gc status run netns inspect cache ipam conf record completion generate help" -f -a "conf" -d 'The configuration directory, explained: which file each runtime uses, and why'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and not __fish_seen_subcommand_from add check del version gc status run netns inspect cache ipam conf record completion generate help" -f -a "record" -d 'What a real runtime sends each plugin: recording shims in front of the real plugins, and the log of every call'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and not __fish_seen_subcommand_from add check del version gc status run netns inspect cache ipam conf record completion generate help" -f -a "completion" -d 'Print the shell completion script, with network, namespace and cache entry names'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and not __fish_seen_subcommand_from add check del version gc status run netns inspect cache ipam conf record completion generate help" -f -a "generate" -d 'Write shell completions and man pages (for packagers)'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and not __fish_seen_subcommand_from add check del version gc status run netns inspect cache ipam conf record completion generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and __fish_seen_subcommand_from netns" -f -a "create" -d 'Create a named network namespace (default name: cnictl-<random>) that stays until `netns rm`'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and __fish_seen_subcommand_from netns" -f -a "ls" -d 'List the namespaces under /var/run/netns, with who made them'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and __fish_seen_subcommand_from netns" -f -a "rm" -d 'Remove namespaces (and the temporary directories cnictl noted with them)'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and __fish_seen_subcommand_from netns" -f -a "gc" -d 'Remove what killed cnictl runs left behind: their namespaces whose owner is gone'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "ls" -d 'List the cached attachments'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "show" -d 'Decode one entry: configuration, args, capability args, result'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "rm" -d 'Remove entries Remove entries; one whose namespace still exists is a live attachment, and is removed only when confirmed (or with --yes)'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and __fish_seen_subcommand_from ipam" -f -a "leases" -d 'host-local\'s leases, and which are stale'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and __fish_seen_subcommand_from conf" -f -a "ls" -d 'Every file of the conf dir: format, network, version, plugins, status; then the default network as containerd, CRI-O, the kubelet and libcni would each pick it'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and __fish_seen_subcommand_from conf" -f -a "show" -d 'One network resolved: its file, where each plugin came from, the version chosen and why; with --request, the exact stdin each plugin would receive'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and __fish_seen_subcommand_from conf" -f -a "lint" -d 'Diagnostics for a file or a directory (default: the conf dir), with fixes; exits 2 when there are errors'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and __fish_seen_subcommand_from record" -f -a "install" -d 'Make a shim dir: a link to cnictl for every plugin in the bin dirs, and the marker naming them; then print the line that puts it first in each runtime\'s plugin path'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and __fish_seen_subcommand_from record" -f -a "uninstall" -d 'Remove the links and the marker install made (never anything else); the log stays'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and __fish_seen_subcommand_from record" -f -a "status" -d 'What a shim dir holds, which plugins have no shim, and the log\'s size and records'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and __fish_seen_subcommand_from record" -f -a "ls" -d 'The recorded calls, oldest first: a delegated IPAM call names the call it came from'
complete -c cnictl -n "__fish_cnictl_using_subcommand help; and __fish_seen_subcommand_from record" -f -a "show" -d 'One recorded call in full: caller, links, environment, stdin, stdout, stderr'
