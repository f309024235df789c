// libcni-probe drives the reference implementation, libcni (Debian's
// golang-github-appc-cni-dev), so that cnictl's tests can check that the two
// read each other's result caches and find the same networks.
//
// Usage:
//
//	libcni-probe find   CONFDIR NETWORK
//	libcni-probe file   PATH
//	libcni-probe add    CONFDIR NETWORK NETNS CONTAINERID IFNAME CACHEDIR BINDIRS
//	libcni-probe check  CONFDIR NETWORK NETNS CONTAINERID IFNAME CACHEDIR BINDIRS
//	libcni-probe del    CONFDIR NETWORK NETNS CONTAINERID IFNAME CACHEDIR BINDIRS
//	libcni-probe cached CONFDIR NETWORK NETNS CONTAINERID IFNAME CACHEDIR BINDIRS
//
// find looks a network up by name as the runtimes do (LoadConfList); file loads one
// file as a runtime that picks the first file of a directory does (.conflist as a list,
// anything else as a single plugin up-converted to a list). Both print the list's name,
// version and plugin types. The same source builds against Debian's libcni (1.1.2) and
// against v1.3.0 (vendored by the reference plugins' sources).
//
// add, check, del and cached give the runtime the CNI_ARGS pairs in PROBE_CNI_ARGS
// (K=V;K=V) and the capability arguments in PROBE_CAP_ARGS (a JSON object), as cnitool
// takes them from CNI_ARGS and CAP_ARGS; the names differ so that a caller's own CNI_ARGS
// never slips in.
//
// Results are printed as JSON on stdout; errors go to stderr with exit 1.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/containernetworking/cni/libcni"
)

func fail(err error) {
	fmt.Fprintln(os.Stderr, "libcni-probe:", err)
	os.Exit(1)
}

func main() {
	if len(os.Args) == 3 && os.Args[1] == "file" {
		printList(loadFile(os.Args[2]))
		return
	}
	if len(os.Args) < 4 {
		fail(fmt.Errorf("usage: libcni-probe find|add|check|del|cached CONFDIR NETWORK ... | file PATH"))
	}
	op, confDir, name := os.Args[1], os.Args[2], os.Args[3]
	list, err := libcni.LoadConfList(confDir, name)
	if err != nil {
		fail(err)
	}
	if op == "find" {
		printList(list)
		return
	}
	if len(os.Args) != 9 {
		fail(fmt.Errorf("%s needs NETNS CONTAINERID IFNAME CACHEDIR BINDIRS", op))
	}
	rt := &libcni.RuntimeConf{ContainerID: os.Args[5], NetNS: os.Args[4], IfName: os.Args[6]}
	if pairs := os.Getenv("PROBE_CNI_ARGS"); pairs != "" {
		for _, pair := range strings.Split(pairs, ";") {
			key, value, ok := strings.Cut(pair, "=")
			if !ok {
				fail(fmt.Errorf("PROBE_CNI_ARGS: %q is not K=V", pair))
			}
			rt.Args = append(rt.Args, [2]string{key, value})
		}
	}
	if caps := os.Getenv("PROBE_CAP_ARGS"); caps != "" {
		if err := json.Unmarshal([]byte(caps), &rt.CapabilityArgs); err != nil {
			fail(fmt.Errorf("PROBE_CAP_ARGS: %w", err))
		}
	}
	cni := libcni.NewCNIConfigWithCacheDir(filepath.SplitList(os.Args[8]), os.Args[7], nil)
	ctx := context.Background()
	switch op {
	case "add":
		res, err := cni.AddNetworkList(ctx, list, rt)
		if err != nil {
			fail(err)
		}
		res.Print()
	case "check":
		if err := cni.CheckNetworkList(ctx, list, rt); err != nil {
			fail(err)
		}
	case "del":
		if err := cni.DelNetworkList(ctx, list, rt); err != nil {
			fail(err)
		}
	case "cached":
		res, err := cni.GetNetworkListCachedResult(list, rt)
		if err != nil {
			fail(err)
		}
		if res == nil {
			fail(fmt.Errorf("no cached result"))
		}
		res.Print()
	default:
		fail(fmt.Errorf("unknown operation %q", op))
	}
}

func loadFile(path string) *libcni.NetworkConfigList {
	if filepath.Ext(path) == ".conflist" {
		list, err := libcni.ConfListFromFile(path)
		if err != nil {
			fail(err)
		}
		return list
	}
	conf, err := libcni.ConfFromFile(path)
	if err != nil {
		fail(err)
	}
	list, err := libcni.ConfListFromConf(conf)
	if err != nil {
		fail(err)
	}
	return list
}

func printList(list *libcni.NetworkConfigList) {
	types := []string{}
	ipams := []string{}
	for _, p := range list.Plugins {
		types = append(types, p.Network.Type)
		ipams = append(ipams, p.Network.IPAM.Type)
	}
	out, _ := json.Marshal(map[string]interface{}{"name": list.Name, "cniVersion": list.CNIVersion, "plugins": types, "ipam": ipams})
	fmt.Println(string(out))
}
