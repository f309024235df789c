//! The fleet recipe in deploy/ (docs/fleet.md): a DaemonSet, a one-shot Job and the image's
//! Dockerfile. None of them can be applied or built here, so these tests read them and check
//! the fields that decide whether the pods work and what they may do to a node: kinds, image,
//! privileges, the node's directories mounted read-only, namespaces kept inside the pod, the
//! node's name from the downward API, and the cnictl command lines, every one of which must
//! parse with the real binary. No root needed.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::{json, Value};

use crate::util::cnictl;

const CONF_DIR: &str = "/etc/cni/net.d";
const BIN_DIR: &str = "/opt/cni/bin";
const NETNS_DIR: &str = "/var/run/netns";

fn repo_file(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// One Kubernetes object from a YAML file of deploy/, as JSON values.
fn manifest(name: &str) -> Value {
    let text = repo_file(&format!("deploy/{name}"));
    serde_yaml_ng::from_str(&text).unwrap_or_else(|e| panic!("deploy/{name}: {e}"))
}

fn daemonset() -> Value {
    manifest("daemonset.yaml")
}

fn job() -> Value {
    manifest("job.yaml")
}

fn both() -> [(&'static str, Value); 2] {
    [("daemonset.yaml", daemonset()), ("job.yaml", job())]
}

fn pod_spec(object: &Value) -> &Value {
    let spec = &object["spec"]["template"]["spec"];
    assert!(spec.is_object(), "no spec.template.spec in {object}");
    spec
}

/// The pod's only container.
fn container(object: &Value) -> &Value {
    let containers = pod_spec(object)["containers"].as_array().expect("containers");
    assert_eq!(containers.len(), 1, "one container, the smoke test");
    &containers[0]
}

/// The shell script the container runs (`/bin/sh -c SCRIPT`).
fn script(object: &Value) -> String {
    let c = container(object);
    assert_eq!(c["command"], json!(["/bin/sh", "-c"]), "the script runs under /bin/sh -c");
    let args = c["args"].as_array().expect("args holds the script");
    assert_eq!(args.len(), 1, "args is the script alone");
    args[0].as_str().expect("the script is a string").to_string()
}

fn env<'a>(object: &'a Value, name: &str) -> &'a Value {
    container(object)["env"]
        .as_array()
        .expect("env")
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no env {name}"))
}

/// The volume a mount path is served from, with the mount itself.
fn mount<'a>(object: &'a Value, path: &str) -> (&'a Value, &'a Value) {
    let mounts = container(object)["volumeMounts"].as_array().expect("volumeMounts");
    let m = mounts
        .iter()
        .find(|m| m["mountPath"] == path)
        .unwrap_or_else(|| panic!("nothing mounted at {path}"));
    let volume = pod_spec(object)["volumes"]
        .as_array()
        .expect("volumes")
        .iter()
        .find(|v| v["name"] == m["name"])
        .unwrap_or_else(|| panic!("no volume {} for {path}", m["name"]));
    (m, volume)
}

/// Every cnictl command line of a shell script, as its words: continuation lines joined,
/// comments skipped, the words after `cnictl` up to the first redirection or operator, quotes
/// removed, and the shell variables replaced by values of the kind they hold.
fn invocations(script: &str) -> Vec<Vec<String>> {
    let joined = script.replace("\\\n", " ");
    let mut found = Vec::new();
    for line in joined.lines().map(str::trim).filter(|l| !l.starts_with('#')) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let Some(start) = words.iter().position(|w| *w == "cnictl") else { continue };
        let args = words[start + 1..]
            .iter()
            .take_while(|w| {
                !["<", ">", "2>", "&", "|", ";", ")"].iter().any(|op| w.starts_with(op))
            })
            .map(|w| match w.trim_matches('"') {
                "$network" => "demo".to_string(),
                other => {
                    assert!(!other.contains('$'), "{other} in `{line}`: give it a test value");
                    other.to_string()
                }
            })
            .collect();
        found.push(args);
    }
    found
}

/// Whether `words` holds `pair` side by side (a flag and its value).
fn has_pair(words: &[String], pair: [&str; 2]) -> bool {
    words.windows(2).any(|w| w[0] == pair[0] && w[1] == pair[1])
}

#[test]
fn manifests_are_a_daemonset_and_a_job_in_one_namespace() {
    let ds = daemonset();
    assert_eq!(ds["apiVersion"], "apps/v1");
    assert_eq!(ds["kind"], "DaemonSet");
    assert_eq!(ds["metadata"]["name"], "cnictl-smoke");
    let job = job();
    assert_eq!(job["apiVersion"], "batch/v1");
    assert_eq!(job["kind"], "Job");
    assert_eq!(job["metadata"]["name"], "cnictl-smoke-once");
    assert_eq!(ds["metadata"]["namespace"], "cnictl");
    assert_eq!(job["metadata"]["namespace"], ds["metadata"]["namespace"]);

    // The API server refuses a DaemonSet whose selector does not match its pods.
    let labels = ds["spec"]["template"]["metadata"]["labels"].as_object().expect("pod labels");
    for (key, value) in ds["spec"]["selector"]["matchLabels"].as_object().expect("selector") {
        assert_eq!(labels.get(key), Some(value), "selector {key} must match the pod labels");
    }
    // docs/fleet.md collects the logs of both with `-l app=cnictl-smoke`.
    for (name, object) in both() {
        assert_eq!(
            object["spec"]["template"]["metadata"]["labels"]["app"], "cnictl-smoke",
            "{name}"
        );
    }
}

#[test]
fn the_job_and_the_daemonset_run_the_same_container() {
    let (ds, job) = (daemonset(), job());
    let image = container(&ds)["image"].as_str().expect("image");
    assert!(image.contains("/cnictl:") && !image.ends_with(":latest"), "a tagged image: {image}");
    assert_eq!(container(&job)["image"], image);
    assert!(
        repo_file("docs/fleet.md").contains(image),
        "docs/fleet.md tells how to replace {image}"
    );

    // The same container but for how often it runs.
    let without_interval = |object: &Value| {
        let mut c = container(object).clone();
        c["env"].as_array_mut().unwrap().retain(|e| e["name"] != "CNICTL_INTERVAL");
        c
    };
    assert_eq!(without_interval(&ds), without_interval(&job));
    let interval = |object: &Value| -> u64 {
        env(object, "CNICTL_INTERVAL")["value"].as_str().expect("a string").parse().unwrap()
    };
    assert!(interval(&ds) > 0, "the DaemonSet runs again and again");
    assert_eq!(interval(&job), 0, "the Job runs once");

    for field in [
        "hostNetwork",
        "automountServiceAccountToken",
        "tolerations",
        "volumes",
        "terminationGracePeriodSeconds",
    ] {
        assert_eq!(pod_spec(&ds)[field], pod_spec(&job)[field], "{field}");
    }
}

#[test]
fn pods_are_privileged_on_the_host_network_and_tolerate_every_taint() {
    for (name, object) in both() {
        let spec = pod_spec(&object);
        assert_eq!(container(&object)["securityContext"]["privileged"], true, "{name}");
        assert_eq!(spec["hostNetwork"], true, "{name}: must not depend on the CNI it tests");
        assert_ne!(spec["hostPID"], true, "{name}: the node's processes are not needed");
        assert_eq!(spec["automountServiceAccountToken"], false, "{name}: no API access");
        let tolerations = spec["tolerations"].as_array().expect("tolerations");
        assert!(
            tolerations.iter().any(|t| t == &json!({"operator": "Exists"})),
            "{name}: a toleration of every taint"
        );
    }
}

#[test]
fn the_nodes_cni_dirs_are_mounted_read_only_at_their_own_paths() {
    for (name, object) in both() {
        for path in [CONF_DIR, BIN_DIR] {
            let (m, volume) = mount(&object, path);
            assert_eq!(m["readOnly"], true, "{name}: {path}");
            assert_eq!(volume["hostPath"]["path"], path, "{name}: {path} is the node's");
            assert_eq!(volume["hostPath"]["type"], "Directory", "{name}: never made on a node");
        }
        // Nothing else of the node's file system, and nothing of it writable.
        let host_paths: BTreeSet<&str> = pod_spec(&object)["volumes"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|v| v["hostPath"]["path"].as_str())
            .collect();
        assert_eq!(host_paths, BTreeSet::from([CONF_DIR, BIN_DIR]), "{name}");
    }
}

#[test]
fn namespaces_stay_inside_the_pod() {
    for (name, object) in both() {
        // cnictl, the plugins and the leak check share the container's mount namespace: the
        // namespaces bound under /var/run/netns need no propagation, and without it they go
        // away with the container, even a SIGKILLed one, instead of staying on the node.
        let (m, volume) = mount(&object, NETNS_DIR);
        assert!(volume["emptyDir"].is_object(), "{name}: {NETNS_DIR} is the pod's own");
        assert!(m["mountPropagation"].is_null(), "{name}: {NETNS_DIR} propagates nowhere");
        for m in container(&object)["volumeMounts"].as_array().unwrap() {
            assert_ne!(m["mountPropagation"], "Bidirectional", "{name}: {}", m["mountPath"]);
        }
        // Owner notes for `cnictl netns gc`, next to the namespaces and as short-lived.
        let (_, volume) = mount(&object, "/run/cnictl");
        assert!(volume["emptyDir"].is_object(), "{name}: /run/cnictl is the pod's own");
    }
}

#[test]
fn every_line_names_its_node_from_the_downward_api() {
    for (name, object) in both() {
        assert_eq!(
            env(&object, "NODE_NAME")["valueFrom"],
            json!({"fieldRef": {"fieldPath": "spec.nodeName"}}),
            "{name}"
        );
        let script = script(&object);
        assert!(script.contains("--arg node \"${NODE_NAME"), "{name}: the log line names it");
        // kubelet rewrites $(NAME) for the container's env names, and $$ as $, in args.
        for e in container(&object)["env"].as_array().unwrap() {
            let reference = format!("$({})", e["name"].as_str().unwrap());
            assert!(!script.contains(&reference), "{name}: kubelet would expand {reference}");
        }
        assert!(!script.contains("$$"), "{name}: kubelet would turn $$ into $");
    }
}

#[test]
fn the_script_runs_the_sandbox_with_json_output_on_the_nodes_dirs() {
    for (name, object) in both() {
        let script = script(&object);
        let runs: Vec<Vec<String>> =
            invocations(&script).into_iter().filter(|w| w.contains(&"run".to_string())).collect();
        assert_eq!(runs.len(), 1, "{name}: one `cnictl run` in {script}");
        let run = &runs[0];
        assert!(run.contains(&"--sandbox".to_string()), "{name}: {run:?}");
        assert!(has_pair(run, ["-o", "json"]), "{name}: {run:?}");
        assert!(has_pair(run, ["--cni-conf-dir", CONF_DIR]), "{name}: {run:?}");
        assert!(has_pair(run, ["--cni-bin-dir", BIN_DIR]), "{name}: {run:?}");
        assert!(!run.contains(&"--keep".to_string()), "{name}: --keep leaves namespaces");
        // The default network is looked up in the same directories.
        for words in invocations(&script) {
            if words.contains(&"--cni-conf-dir".to_string()) {
                assert!(has_pair(&words, ["--cni-conf-dir", CONF_DIR]), "{name}: {words:?}");
                assert!(has_pair(&words, ["--cni-bin-dir", BIN_DIR]), "{name}: {words:?}");
            }
        }
    }
}

#[test]
fn every_cnictl_command_line_of_the_script_parses() {
    let script = script(&daemonset());
    let mut usages = BTreeSet::new();
    for words in invocations(&script) {
        // Every flag and subcommand before --help must exist (a misspelt one fails with 2);
        // then clap prints the help of the subcommand reached.
        let out = cnictl().args(&words).arg("--help").expect(0);
        let usage = out
            .stdout
            .lines()
            .find_map(|l| l.strip_prefix("Usage: cnictl "))
            .unwrap_or_else(|| panic!("no usage line for {words:?}:\n{}", out.stdout));
        let path: Vec<&str> =
            usage.split_whitespace().take_while(|w| !w.starts_with(['[', '<'])).collect();
        let mut rest = words.iter();
        for sub in &path {
            assert!(rest.any(|w| w == sub), "{words:?} reached `{usage}`");
        }
        usages.insert(path.join(" "));
    }
    let expected = BTreeSet::from(["conf ls", "netns gc", "run"].map(String::from));
    assert_eq!(usages, expected, "the script's cnictl commands");

    // The check has teeth: an unknown flag in the same place is refused.
    let mut bad = invocations(&script).into_iter().find(|w| w.contains(&"run".into())).unwrap();
    bad.insert(0, "--no-such-flag".into());
    cnictl().args(&bad).arg("--help").expect(2);

    // --help comes before values are parsed (`--timeout 30x --help` passes), so the commands
    // that read the node's directories also run for real, on an empty stand-in for both:
    // they stop for want of a network (or of root), after everything has parsed. Parse
    // errors are clap's ("error: ..."), the others cnictl's ("cnictl: error: ...").
    let empty = tempfile::tempdir().unwrap();
    let stand_in = empty.path().to_string_lossy();
    for words in invocations(&script) {
        if !words.iter().any(|w| w == "--cni-conf-dir") {
            continue;
        }
        let words: Vec<&str> = words
            .iter()
            .map(|w| if w == CONF_DIR || w == BIN_DIR { &stand_in } else { w.as_str() })
            .collect();
        let out = cnictl().args(&words).run();
        assert!(!out.stderr.starts_with("error:"), "{words:?}:\n{}", out.stderr);
    }
    let mut bad = vec!["--timeout", "30x", "--cni-conf-dir", &stand_in];
    bad.extend(["run", "--sandbox", "demo"]);
    assert!(cnictl().args(&bad).expect(2).stderr.starts_with("error:"));
}

#[test]
fn the_default_network_is_picked_from_conf_ls_as_the_script_expects() {
    // The script reads `.picks[] | select(.runtime == CNICTL_RUNTIME) | .network` from
    // `cnictl conf ls --offline -o json`.
    let object = daemonset();
    let runtime = env(&object, "CNICTL_RUNTIME")["value"].as_str().unwrap().to_string();
    assert!(script(&object).contains(".picks[]? | select(.runtime == $rt) | .network"));
    let conf_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/net.d");
    let empty_bin = tempfile::tempdir().unwrap();
    let report = cnictl()
        .args(["--cni-conf-dir", &conf_dir.to_string_lossy()])
        .args(["--cni-bin-dir", &empty_bin.path().to_string_lossy()])
        .args(["conf", "ls", "--offline", "-o", "json"])
        .run()
        .json();
    let picks = report["picks"].as_array().expect("picks");
    let pick = picks.iter().find(|p| p["runtime"] == runtime.as_str());
    assert_eq!(pick.map(|p| &p["network"]), Some(&json!("demo")), "{runtime} in {report}");
}

#[test]
fn the_job_runs_once_and_is_never_retried() {
    let job = job();
    assert_eq!(job["spec"]["backoffLimit"], 0);
    assert_eq!(pod_spec(&job)["restartPolicy"], "Never");
    assert!(job["spec"]["activeDeadlineSeconds"].as_u64().is_some_and(|s| s > 0));
    assert!(pod_spec(&job)["nodeName"].is_null(), "docs/fleet.md sets it per node");
    let ds = daemonset();
    let restart = &pod_spec(&ds)["restartPolicy"];
    assert!(restart.is_null() || restart == "Always", "a DaemonSet's pods always restart");
}

#[test]
fn the_per_node_jobs_of_the_docs_edit_the_lines_they_mean() {
    // docs/fleet.md makes one Job per node by replacing two whole lines of job.yaml with sed.
    let docs = repo_file("docs/fleet.md");
    let name = "  name: cnictl-smoke-once";
    let node = "      # nodeName: NODE";
    for line in [name, node] {
        assert!(docs.contains(&format!("s/^{line}\\$/")), "docs/fleet.md edits `{line}`");
    }
    let text = repo_file("deploy/job.yaml");
    let mut edited = String::new();
    for line in text.lines() {
        edited.push_str(match line {
            l if l == name => "  name: cnictl-smoke-once-7",
            l if l == node => "      nodeName: node-a.example",
            l => l,
        });
        edited.push('\n');
    }
    let job: Value = serde_yaml_ng::from_str(&edited).unwrap();
    assert_eq!(job["metadata"]["name"], "cnictl-smoke-once-7");
    assert_eq!(pod_spec(&job)["nodeName"], "node-a.example");
    assert_eq!(text.lines().filter(|l| *l == name || *l == node).count(), 2);
}

/// The Dockerfile's instructions: continuation lines joined, comments and blanks dropped,
/// each as (INSTRUCTION, rest).
fn dockerfile() -> Vec<(String, String)> {
    let text = repo_file("deploy/Dockerfile");
    let mut instructions = Vec::new();
    let mut pending = String::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('#') || (trimmed.is_empty() && pending.is_empty()) {
            continue;
        }
        match trimmed.strip_suffix('\\') {
            Some(part) => {
                pending.push_str(part);
                pending.push(' ');
            }
            None => {
                pending.push_str(trimmed);
                let (op, rest) = pending.split_once(' ').unwrap_or((&pending, ""));
                instructions.push((op.to_uppercase(), rest.trim().to_string()));
                pending.clear();
            }
        }
    }
    instructions
}

#[test]
fn the_image_is_built_locked_in_two_stages_and_enters_cnictl() {
    let instructions = dockerfile();
    let froms: Vec<usize> = instructions
        .iter()
        .enumerate()
        .filter(|(_, (op, _))| op == "FROM")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(froms.len(), 2, "a build stage and a run stage: {instructions:?}");
    let (build, run) = (&instructions[froms[0]..froms[1]], &instructions[froms[1]..]);

    let build_from = &build[0].1;
    assert!(build_from.starts_with("rust:") && build_from.contains("bookworm"), "{build_from}");
    assert!(build_from.ends_with(" AS build"), "{build_from}");
    let cargo = build
        .iter()
        .find(|(op, rest)| op == "RUN" && rest.contains("cargo build"))
        .map(|(_, rest)| rest)
        .expect("a RUN with cargo build");
    assert!(cargo.contains("--release") && cargo.contains("--locked"), "{cargo}");

    assert_eq!(run[0].1, "debian:bookworm-slim", "the run stage is the same Debian, slim");
    assert!(
        run.iter().any(|(op, rest)| op == "COPY"
            && rest.starts_with("--from=build ")
            && rest.ends_with(" /usr/local/bin/cnictl")),
        "the binary comes from the build stage: {run:?}"
    );
    let installs: Vec<&String> = run
        .iter()
        .filter(|(op, rest)| op == "RUN" && rest.contains("apt-get"))
        .map(|(_, r)| r)
        .collect();
    // iptables-save for the leak check, jq for the pods' script.
    for package in ["iptables", "jq"] {
        assert!(installs.iter().any(|r| r.split_whitespace().any(|w| w == package)), "{package}");
    }
    let entrypoint = run
        .iter()
        .rev()
        .find(|(op, _)| op == "ENTRYPOINT")
        .map(|(_, rest)| rest)
        .expect("an ENTRYPOINT");
    let entrypoint: Value = serde_json::from_str(entrypoint).expect("exec form");
    assert_eq!(entrypoint, json!(["cnictl"]));
}
