
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'cnictl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'cnictl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'cnictl' {
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Attach a namespace to a network: ADD through the whole chain, then cache the result')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check an attachment: CHECK through the chain with the cached result')
            [CompletionResult]::new('del', 'del', [CompletionResultType]::ParameterValue, 'Detach: DEL through the chain in reverse with the cached result, then drop the cache')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Ask every plugin of a network (and its IPAM plugins) which spec versions it speaks')
            [CompletionResult]::new('gc', 'gc', [CompletionResultType]::ParameterValue, 'Garbage collection, safely: a dry run unless --apply, and never with an empty valid set unless --all')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'STATUS of every plugin of a network (cniVersion 1.1.0 and later)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'The whole loop in a throwaway namespace: VERSION, ADD, verify, CHECK, COMMAND, DEL, leak check, clean-up')
            [CompletionResult]::new('netns', 'netns', [CompletionResultType]::ParameterValue, 'Network namespaces made the way `ip netns add` makes them')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'The live links, addresses and routes of a namespace, read over netlink')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'The attachments cached in <cache-dir>/results, by cnictl or any runtime')
            [CompletionResult]::new('ipam', 'ipam', [CompletionResultType]::ParameterValue, 'host-local''s IP leases, and which are stale')
            [CompletionResult]::new('conf', 'conf', [CompletionResultType]::ParameterValue, 'The configuration directory, explained: which file each runtime uses, and why')
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'What a real runtime sends each plugin: recording shims in front of the real plugins, and the log of every call')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print the shell completion script, with network, namespace and cache entry names')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write shell completions and man pages (for packagers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cnictl;add' {
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Interface name inside the namespace')
            [CompletionResult]::new('--ifname', '--ifname', [CompletionResultType]::ParameterName, 'Interface name inside the namespace')
            [CompletionResult]::new('--container-id', '--container-id', [CompletionResultType]::ParameterName, 'Container ID [default: cnitool''s: "cnitool-" and 20 hex digits of the SHA-512 of the namespace path]')
            [CompletionResult]::new('--args', '--args', [CompletionResultType]::ParameterName, 'CNI_ARGS, as KEY=VALUE pairs separated by '';''')
            [CompletionResult]::new('--cap-args', '--cap-args', [CompletionResultType]::ParameterName, 'Capability arguments as a JSON object, e.g. ''{"portMappings":[...]}''')
            [CompletionResult]::new('--port-mapping', '--port-mapping', [CompletionResultType]::ParameterName, 'Port mapping for the portMappings capability (repeatable)')
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'Static address for the ips capability (repeatable)')
            [CompletionResult]::new('--mac', '--mac', [CompletionResultType]::ParameterName, 'MAC address for the mac capability')
            [CompletionResult]::new('--bandwidth', '--bandwidth', [CompletionResultType]::ParameterName, 'Limits for the bandwidth capability, in bits per second and bits')
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'ADD even when this network, container ID and ifname are already cached. A runtime never ADDs twice; a second ADD usually fails half-way and its clean-up would take the first attachment down with it')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;check' {
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Interface name inside the namespace')
            [CompletionResult]::new('--ifname', '--ifname', [CompletionResultType]::ParameterName, 'Interface name inside the namespace')
            [CompletionResult]::new('--container-id', '--container-id', [CompletionResultType]::ParameterName, 'Container ID [default: cnitool''s: "cnitool-" and 20 hex digits of the SHA-512 of the namespace path]')
            [CompletionResult]::new('--args', '--args', [CompletionResultType]::ParameterName, 'CNI_ARGS, as KEY=VALUE pairs separated by '';''')
            [CompletionResult]::new('--cap-args', '--cap-args', [CompletionResultType]::ParameterName, 'Capability arguments as a JSON object, e.g. ''{"portMappings":[...]}''')
            [CompletionResult]::new('--port-mapping', '--port-mapping', [CompletionResultType]::ParameterName, 'Port mapping for the portMappings capability (repeatable)')
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'Static address for the ips capability (repeatable)')
            [CompletionResult]::new('--mac', '--mac', [CompletionResultType]::ParameterName, 'MAC address for the mac capability')
            [CompletionResult]::new('--bandwidth', '--bandwidth', [CompletionResultType]::ParameterName, 'Limits for the bandwidth capability, in bits per second and bits')
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;del' {
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Interface name inside the namespace')
            [CompletionResult]::new('--ifname', '--ifname', [CompletionResultType]::ParameterName, 'Interface name inside the namespace')
            [CompletionResult]::new('--container-id', '--container-id', [CompletionResultType]::ParameterName, 'Container ID [default: cnitool''s: "cnitool-" and 20 hex digits of the SHA-512 of the namespace path]')
            [CompletionResult]::new('--args', '--args', [CompletionResultType]::ParameterName, 'CNI_ARGS, as KEY=VALUE pairs separated by '';''')
            [CompletionResult]::new('--cap-args', '--cap-args', [CompletionResultType]::ParameterName, 'Capability arguments as a JSON object, e.g. ''{"portMappings":[...]}''')
            [CompletionResult]::new('--port-mapping', '--port-mapping', [CompletionResultType]::ParameterName, 'Port mapping for the portMappings capability (repeatable)')
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'Static address for the ips capability (repeatable)')
            [CompletionResult]::new('--mac', '--mac', [CompletionResultType]::ParameterName, 'MAC address for the mac capability')
            [CompletionResult]::new('--bandwidth', '--bandwidth', [CompletionResultType]::ParameterName, 'Limits for the bandwidth capability, in bits per second and bits')
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--keep-going', '--keep-going', [CompletionResultType]::ParameterName, 'Run the remaining plugins of the chain after one fails, reporting each, so that the others still release what they hold (a node with a broken plugin). The cache entry stays when any plugin failed')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;version' {
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;gc' {
            [CompletionResult]::new('--valid', '--valid', [CompletionResultType]::ParameterName, 'An attachment that is still in use, as CONTAINERID/IFNAME (repeatable)')
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--valid-from-netns', '--valid-from-netns', [CompletionResultType]::ParameterName, 'Count every cached attachment whose namespace still exists as in use')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Do it: DEL the stale attachments, then GC (without it, only say what would happen)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Allow --apply with an empty valid set, which deletes every cached attachment')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;status' {
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;run' {
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Interface name inside the namespace')
            [CompletionResult]::new('--ifname', '--ifname', [CompletionResultType]::ParameterName, 'Interface name inside the namespace')
            [CompletionResult]::new('--args', '--args', [CompletionResultType]::ParameterName, 'CNI_ARGS, as KEY=VALUE pairs separated by '';''')
            [CompletionResult]::new('--cap-args', '--cap-args', [CompletionResultType]::ParameterName, 'Capability arguments as a JSON object, e.g. ''{"portMappings":[...]}''')
            [CompletionResult]::new('--port-mapping', '--port-mapping', [CompletionResultType]::ParameterName, 'Port mapping for the portMappings capability (repeatable)')
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'Static address for the ips capability (repeatable)')
            [CompletionResult]::new('--mac', '--mac', [CompletionResultType]::ParameterName, 'MAC address for the mac capability')
            [CompletionResult]::new('--bandwidth', '--bandwidth', [CompletionResultType]::ParameterName, 'Limits for the bandwidth capability, in bits per second and bits')
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run plugins in a throwaway host namespace with a private /var/lib/cni, so nothing they do reaches the node')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'Stop after ADD, CHECK and COMMAND: leave the namespaces (no DEL, so no leak check) and print the commands that finish the job')
            [CompletionResult]::new('--no-check', '--no-check', [CompletionResultType]::ParameterName, 'Skip CHECK; COMMAND, DEL and the leak check still run')
            [CompletionResult]::new('--fail-on-leak', '--fail-on-leak', [CompletionResultType]::ParameterName, 'Exit 1 when DEL leaves something of this attachment behind on the host side')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the one-line verdict and what failed (tables only; JSON is unchanged)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the one-line verdict and what failed (tables only; JSON is unchanged)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;netns' {
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a named network namespace (default name: cnictl-<random>) that stays until `netns rm`')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the namespaces under /var/run/netns, with who made them')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove namespaces (and the temporary directories cnictl noted with them)')
            [CompletionResult]::new('gc', 'gc', [CompletionResultType]::ParameterValue, 'Remove what killed cnictl runs left behind: their namespaces whose owner is gone')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cnictl;netns;create' {
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;netns;ls' {
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;netns;rm' {
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Remove namespaces that still have cached attachments without asking')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;netns;gc' {
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only say what would be removed')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;netns;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a named network namespace (default name: cnictl-<random>) that stays until `netns rm`')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the namespaces under /var/run/netns, with who made them')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove namespaces (and the temporary directories cnictl noted with them)')
            [CompletionResult]::new('gc', 'gc', [CompletionResultType]::ParameterValue, 'Remove what killed cnictl runs left behind: their namespaces whose owner is gone')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cnictl;netns;help;create' {
            break
        }
        'cnictl;netns;help;ls' {
            break
        }
        'cnictl;netns;help;rm' {
            break
        }
        'cnictl;netns;help;gc' {
            break
        }
        'cnictl;netns;help;help' {
            break
        }
        'cnictl;inspect' {
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;cache' {
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the cached attachments')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Decode one entry: configuration, args, capability args, result')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove entries Remove entries; one whose namespace still exists is a live attachment, and is removed only when confirmed (or with --yes)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cnictl;cache;ls' {
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'Only this network''s')
            [CompletionResult]::new('--container-id', '--container-id', [CompletionResultType]::ParameterName, 'Only this container''s')
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;cache;show' {
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;cache;rm' {
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Remove entries of live attachments without asking')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;cache;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the cached attachments')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Decode one entry: configuration, args, capability args, result')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove entries Remove entries; one whose namespace still exists is a live attachment, and is removed only when confirmed (or with --yes)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cnictl;cache;help;ls' {
            break
        }
        'cnictl;cache;help;show' {
            break
        }
        'cnictl;cache;help;rm' {
            break
        }
        'cnictl;cache;help;help' {
            break
        }
        'cnictl;ipam' {
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('leases', 'leases', [CompletionResultType]::ParameterValue, 'host-local''s leases, and which are stale')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cnictl;ipam;leases' {
            [CompletionResult]::new('--release', '--release', [CompletionResultType]::ParameterName, 'Remove this stale lease, holding host-local''s lock')
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before releasing')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;ipam;help' {
            [CompletionResult]::new('leases', 'leases', [CompletionResultType]::ParameterValue, 'host-local''s leases, and which are stale')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cnictl;ipam;help;leases' {
            break
        }
        'cnictl;ipam;help;help' {
            break
        }
        'cnictl;conf' {
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Every file of the conf dir: format, network, version, plugins, status; then the default network as containerd, CRI-O, the kubelet and libcni would each pick it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One network resolved: its file, where each plugin came from, the version chosen and why; with --request, the exact stdin each plugin would receive')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Diagnostics for a file or a directory (default: the conf dir), with fixes; exits 2 when there are errors')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cnictl;conf;ls' {
            [CompletionResult]::new('--max-conf-num', '--max-conf-num', [CompletionResultType]::ParameterName, 'containerd''s max_conf_num: how many files it loads (0: all)')
            [CompletionResult]::new('--default-network', '--default-network', [CompletionResultType]::ParameterName, 'CRI-O''s cni_default_network')
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not ask plugins VERSION (binaries are still looked for)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;conf;show' {
            [CompletionResult]::new('--request', '--request', [CompletionResultType]::ParameterName, 'Show the stdin of each plugin for this operation')
            [CompletionResult]::new('--netns', '--netns', [CompletionResultType]::ParameterName, 'Namespace, to find a cached result for CHECK/DEL (as `add` would name it)')
            [CompletionResult]::new('--container-id', '--container-id', [CompletionResultType]::ParameterName, 'Container ID, to find a cached result for CHECK/DEL')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Interface name inside the namespace')
            [CompletionResult]::new('--ifname', '--ifname', [CompletionResultType]::ParameterName, 'Interface name inside the namespace')
            [CompletionResult]::new('--args', '--args', [CompletionResultType]::ParameterName, 'CNI_ARGS, as KEY=VALUE pairs separated by '';''')
            [CompletionResult]::new('--cap-args', '--cap-args', [CompletionResultType]::ParameterName, 'Capability arguments as a JSON object, e.g. ''{"portMappings":[...]}''')
            [CompletionResult]::new('--port-mapping', '--port-mapping', [CompletionResultType]::ParameterName, 'Port mapping for the portMappings capability (repeatable)')
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'Static address for the ips capability (repeatable)')
            [CompletionResult]::new('--mac', '--mac', [CompletionResultType]::ParameterName, 'MAC address for the mac capability')
            [CompletionResult]::new('--bandwidth', '--bandwidth', [CompletionResultType]::ParameterName, 'Limits for the bandwidth capability, in bits per second and bits')
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;conf;lint' {
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not ask plugins VERSION')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;conf;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Every file of the conf dir: format, network, version, plugins, status; then the default network as containerd, CRI-O, the kubelet and libcni would each pick it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One network resolved: its file, where each plugin came from, the version chosen and why; with --request, the exact stdin each plugin would receive')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Diagnostics for a file or a directory (default: the conf dir), with fixes; exits 2 when there are errors')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cnictl;conf;help;ls' {
            break
        }
        'cnictl;conf;help;show' {
            break
        }
        'cnictl;conf;help;lint' {
            break
        }
        'cnictl;conf;help;help' {
            break
        }
        'cnictl;record' {
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Make a shim dir: a link to cnictl for every plugin in the bin dirs, and the marker naming them; then print the line that puts it first in each runtime''s plugin path')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove the links and the marker install made (never anything else); the log stays')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'What a shim dir holds, which plugins have no shim, and the log''s size and records')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'The recorded calls, oldest first: a delegated IPAM call names the call it came from')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One recorded call in full: caller, links, environment, stdin, stdout, stderr')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cnictl;record;install' {
            [CompletionResult]::new('--shim-dir', '--shim-dir', [CompletionResultType]::ParameterName, 'The directory of shims to make (new, empty, or made by install before)')
            [CompletionResult]::new('--log-dir', '--log-dir', [CompletionResultType]::ParameterName, 'Where the shims write the log (made 0700)')
            [CompletionResult]::new('--redact-keys', '--redact-keys', [CompletionResultType]::ParameterName, 'Key fragments that mark a secret, comma-separated, case-insensitive')
            [CompletionResult]::new('--stream-cap', '--stream-cap', [CompletionResultType]::ParameterName, 'The most of each stream (stdin, stdout, stderr) one record keeps; the plugin''s own streams are never cut')
            [CompletionResult]::new('--log-cap', '--log-cap', [CompletionResultType]::ParameterName, 'The size at which the log is rotated')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'How many rotated logs to keep')
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Log secrets as they are: without it, values of keys named like the --redact-keys are masked in the logged stdin and environment')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;record;uninstall' {
            [CompletionResult]::new('--shim-dir', '--shim-dir', [CompletionResultType]::ParameterName, 'The shim dir install made')
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;record;status' {
            [CompletionResult]::new('--shim-dir', '--shim-dir', [CompletionResultType]::ParameterName, 'The shim dir to look at')
            [CompletionResult]::new('--log-dir', '--log-dir', [CompletionResultType]::ParameterName, 'The log dir to look at [default: the shim dir''s, else /var/log/cnictl]')
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;record;ls' {
            [CompletionResult]::new('--log-dir', '--log-dir', [CompletionResultType]::ParameterName, 'The log dir install was given')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'Only this network''s calls')
            [CompletionResult]::new('--container-id', '--container-id', [CompletionResultType]::ParameterName, 'Only this container''s calls')
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;record;show' {
            [CompletionResult]::new('--log-dir', '--log-dir', [CompletionResultType]::ParameterName, 'The log dir install was given')
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;record;help' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Make a shim dir: a link to cnictl for every plugin in the bin dirs, and the marker naming them; then print the line that puts it first in each runtime''s plugin path')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove the links and the marker install made (never anything else); the log stays')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'What a shim dir holds, which plugins have no shim, and the log''s size and records')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'The recorded calls, oldest first: a delegated IPAM call names the call it came from')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One recorded call in full: caller, links, environment, stdin, stdout, stderr')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cnictl;record;help;install' {
            break
        }
        'cnictl;record;help;uninstall' {
            break
        }
        'cnictl;record;help;status' {
            break
        }
        'cnictl;record;help;ls' {
            break
        }
        'cnictl;record;help;show' {
            break
        }
        'cnictl;record;help;help' {
            break
        }
        'cnictl;completion' {
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--static', '--static', [CompletionResultType]::ParameterName, 'Print the static script instead (subcommands and options, no network, namespace or cache entry names), the one completions/ holds for packages')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;generate' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Where to write completions/ and man/')
            [CompletionResult]::new('--cni-conf-dir', '--cni-conf-dir', [CompletionResultType]::ParameterName, 'Directory of network configurations (.conflist, .conf, .json)')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'Plugin directories, colon-separated, searched in order [default: /opt/cni/bin:/usr/libexec/cni:/usr/lib/cni]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Root of the result cache (results/ below it), as libcni''s [default: /var/lib/cni; for `run`, a private temporary one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: readable tables, a JSON report (also for failures), exactly what cnitool prints, or the names a listing command lists')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each plugin call; the plugin and its children are killed after it')
            [CompletionResult]::new('--host-netns', '--host-netns', [CompletionResultType]::ParameterName, 'Run plugins inside this network namespace (a name under /var/run/netns, or a path) instead of cnictl''s own: a stand-in for the node')
            [CompletionResult]::new('--plugin-state-dir', '--plugin-state-dir', [CompletionResultType]::ParameterName, 'Give each plugin a private mount namespace with DIR bind-mounted on /var/lib/cni, so IPAM state stays out of the node''s')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables without their header row')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'Show every plugin call: path, environment, stdin, stdout, stderr, exit status, time (on stderr; in the report with -o json)')
            [CompletionResult]::new('--inherit-env', '--inherit-env', [CompletionResultType]::ParameterName, 'Give plugins cnictl''s whole environment, as libcni does, instead of only CNI_* and PATH')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cnictl;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Attach a namespace to a network: ADD through the whole chain, then cache the result')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check an attachment: CHECK through the chain with the cached result')
            [CompletionResult]::new('del', 'del', [CompletionResultType]::ParameterValue, 'Detach: DEL through the chain in reverse with the cached result, then drop the cache')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Ask every plugin of a network (and its IPAM plugins) which spec versions it speaks')
            [CompletionResult]::new('gc', 'gc', [CompletionResultType]::ParameterValue, 'Garbage collection, safely: a dry run unless --apply, and never with an empty valid set unless --all')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'STATUS of every plugin of a network (cniVersion 1.1.0 and later)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'The whole loop in a throwaway namespace: VERSION, ADD, verify, CHECK, COMMAND, DEL, leak check, clean-up')
            [CompletionResult]::new('netns', 'netns', [CompletionResultType]::ParameterValue, 'Network namespaces made the way `ip netns add` makes them')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'The live links, addresses and routes of a namespace, read over netlink')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'The attachments cached in <cache-dir>/results, by cnictl or any runtime')
            [CompletionResult]::new('ipam', 'ipam', [CompletionResultType]::ParameterValue, 'host-local''s IP leases, and which are stale')
            [CompletionResult]::new('conf', 'conf', [CompletionResultType]::ParameterValue, 'The configuration directory, explained: which file each runtime uses, and why')
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'What a real runtime sends each plugin: recording shims in front of the real plugins, and the log of every call')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print the shell completion script, with network, namespace and cache entry names')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write shell completions and man pages (for packagers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cnictl;help;add' {
            break
        }
        'cnictl;help;check' {
            break
        }
        'cnictl;help;del' {
            break
        }
        'cnictl;help;version' {
            break
        }
        'cnictl;help;gc' {
            break
        }
        'cnictl;help;status' {
            break
        }
        'cnictl;help;run' {
            break
        }
        'cnictl;help;netns' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a named network namespace (default name: cnictl-<random>) that stays until `netns rm`')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the namespaces under /var/run/netns, with who made them')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove namespaces (and the temporary directories cnictl noted with them)')
            [CompletionResult]::new('gc', 'gc', [CompletionResultType]::ParameterValue, 'Remove what killed cnictl runs left behind: their namespaces whose owner is gone')
            break
        }
        'cnictl;help;netns;create' {
            break
        }
        'cnictl;help;netns;ls' {
            break
        }
        'cnictl;help;netns;rm' {
            break
        }
        'cnictl;help;netns;gc' {
            break
        }
        'cnictl;help;inspect' {
            break
        }
        'cnictl;help;cache' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the cached attachments')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Decode one entry: configuration, args, capability args, result')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove entries Remove entries; one whose namespace still exists is a live attachment, and is removed only when confirmed (or with --yes)')
            break
        }
        'cnictl;help;cache;ls' {
            break
        }
        'cnictl;help;cache;show' {
            break
        }
        'cnictl;help;cache;rm' {
            break
        }
        'cnictl;help;ipam' {
            [CompletionResult]::new('leases', 'leases', [CompletionResultType]::ParameterValue, 'host-local''s leases, and which are stale')
            break
        }
        'cnictl;help;ipam;leases' {
            break
        }
        'cnictl;help;conf' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Every file of the conf dir: format, network, version, plugins, status; then the default network as containerd, CRI-O, the kubelet and libcni would each pick it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One network resolved: its file, where each plugin came from, the version chosen and why; with --request, the exact stdin each plugin would receive')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Diagnostics for a file or a directory (default: the conf dir), with fixes; exits 2 when there are errors')
            break
        }
        'cnictl;help;conf;ls' {
            break
        }
        'cnictl;help;conf;show' {
            break
        }
        'cnictl;help;conf;lint' {
            break
        }
        'cnictl;help;record' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Make a shim dir: a link to cnictl for every plugin in the bin dirs, and the marker naming them; then print the line that puts it first in each runtime''s plugin path')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove the links and the marker install made (never anything else); the log stays')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'What a shim dir holds, which plugins have no shim, and the log''s size and records')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'The recorded calls, oldest first: a delegated IPAM call names the call it came from')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One recorded call in full: caller, links, environment, stdin, stdout, stderr')
            break
        }
        'cnictl;help;record;install' {
            break
        }
        'cnictl;help;record;uninstall' {
            break
        }
        'cnictl;help;record;status' {
            break
        }
        'cnictl;help;record;ls' {
            break
        }
        'cnictl;help;record;show' {
            break
        }
        'cnictl;help;completion' {
            break
        }
        'cnictl;help;generate' {
            break
        }
        'cnictl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
