"""Runs the GitHub Action (action.yml) and the GitLab template (ci/gitlab/connect-lint.gitlab-ci.yml) the way their
runners would, on a copy of the bundled example: every `run:` step of the action with GitHub's environment files
(GITHUB_PATH, GITHUB_OUTPUT, RUNNER_TEMP, GITHUB_ACTION_PATH) and its `if:` conditions, every `script:` line of the
GitLab job in one shell. `uses:` steps (setup-dotnet, upload-sarif) and GitLab's before_script (pip from the
internet) are the runners' own and are not run here; what they consume is checked instead (the SARIF file, the
Code Quality and JUnit reports). The default install is the wheel: pip is pointed at the one build/pack.sh wrote
into artifacts/ (no index is reachable here), and those runs have no dotnet on PATH. The Action's source install
runs too, with the .NET SDK. Prints one line per check and exits 1 if any failed."""
import json
import os
import re
import shutil
import subprocess
import glob
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

import yaml

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PYTHON = "/usr/bin/python3"
RUNNER = {"runner.os": "'Linux'", "runner.arch": "'X64'"}
results = []


def check(ok, what, detail=""):
    results.append(ok)
    print(("ok: " if ok else "FAILED: ") + what + ("" if ok or not detail else "\n" + detail))


def wheel_environment(work):
    """The environment of a job that installs the wheel: pip told where it is (as a job's PIP_* would), no dotnet."""
    wheels = glob.glob(os.path.join(REPOSITORY, "artifacts", "connect_lint-*.whl"))
    if not wheels:
        sys.exit("tests/ci/run.py: no wheel in artifacts/ (build/pack.sh writes it)")
    # The PATH without dotnet that the shell tests use (tests/lib/without-dotnet.sh), made by the same code.
    path = subprocess.run(["bash", "-c", 'source "$1" && without_dotnet_path "$2"', "bash",
                           os.path.join(REPOSITORY, "tests", "lib", "without-dotnet.sh"), os.path.join(work, "system")],
                          check=True, capture_output=True, text=True).stdout.strip()
    environment = dict(os.environ, PATH=path, PIP_NO_INDEX="1", PIP_FIND_LINKS=os.path.dirname(wheels[0]))
    environment.pop("DOTNET_ROOT", None)
    return environment


def holds(condition, inputs):
    """An `if:` expression of the action (inputs.*, runner.os/arch, ==, !=, &&, ||, parentheses), evaluated."""
    expression = re.sub(r"inputs\.([\w-]+)", lambda m: repr(inputs[m.group(1)]), condition)
    for name, value in RUNNER.items():
        expression = expression.replace(name, value)
    expression = expression.replace("&&", " and ").replace("||", " or ")
    if not re.fullmatch(r"[\s'\w().=!-]+", expression):
        raise ValueError("an if: this runner does not understand: " + condition)
    return eval(expression, {"__builtins__": {}})


def example_copy(parent):
    target = os.path.join(parent, "project")
    shutil.copytree(os.path.join(REPOSITORY, "examples", "inventory-api"), target)
    return target


def github_action(work, install):
    action = yaml.safe_load(open(os.path.join(REPOSITORY, "action.yml")))
    inputs = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    inputs.update({"path": "project", "python": PYTHON})
    inputs["install"] = install
    label = "action (install: %s)" % inputs["install"]
    base_environment = wheel_environment(work) if inputs["install"] == "wheel" else dict(os.environ)
    ran = []
    runner_temp = os.path.join(work, "runner-temp")
    os.makedirs(runner_temp)
    github_path, github_output = os.path.join(work, "github-path"), os.path.join(work, "github-output")
    open(github_path, "w").close()
    open(github_output, "w").close()
    outcomes = {}
    for step in action["runs"]["steps"]:
        condition = step.get("if")
        if condition and not holds(condition, inputs):
            continue
        if "uses" in step:
            ran.append(step["uses"].split("@")[0])
            print("  (uses: %s is the runner's; not run here)" % step["uses"])
            continue
        environment = dict(base_environment)
        extra_path = [line.strip() for line in open(github_path) if line.strip()]
        environment["PATH"] = os.pathsep.join(extra_path + [environment["PATH"]])
        environment.update(GITHUB_ACTION_PATH=REPOSITORY, RUNNER_TEMP=runner_temp, GITHUB_PATH=github_path, GITHUB_OUTPUT=github_output)
        for key, value in step.get("env", {}).items():
            environment[key] = re.sub(r"\$\{\{ inputs\.([\w-]+) \}\}", lambda m: inputs[m.group(1)], value)
        process = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                 cwd=work, env=environment, capture_output=True, text=True)
        outcomes[step.get("name")] = process
    installed = outcomes["Install connect-lint"]
    check(installed.returncode == 0, label + ": connect-lint installs", installed.stdout + installed.stderr)
    wants_dotnet = inputs["install"] == "source"
    dotnet_reachable = shutil.which("dotnet", path=base_environment["PATH"]) is not None
    check(("actions/setup-dotnet" in ran) == wants_dotnet and dotnet_reachable == wants_dotnet,
          label + (": .NET is set up" if wants_dotnet else ": .NET is not set up, and no dotnet is on PATH"))
    report = outcomes["connect-lint (SARIF report)"]
    check(report.returncode == 0, label + ": the SARIF step succeeds although the example has problems", report.stderr)
    sarif_line = [l for l in open(github_output) if l.startswith("sarif=")]
    sarif = json.load(open(sarif_line[0].split("=", 1)[1].strip())) if sarif_line else {}
    check(bool(sarif.get("runs", [{}])[0].get("results")), label + ": the SARIF report it hands to upload-sarif has results")
    annotations = outcomes["connect-lint (annotations)"]
    check(annotations.returncode == 1, label + ": the annotations step fails the job (exit 1)", annotations.stdout + annotations.stderr)
    check(annotations.stdout.startswith("::error file=project/") or annotations.stdout.startswith("::warning file=project/"),
          label + ": it prints GitHub annotations", annotations.stdout[:500])


def gitlab_template(work):
    template = yaml.safe_load(open(os.path.join(REPOSITORY, "ci", "gitlab", "connect-lint.gitlab-ci.yml")))
    job = template["connect-lint"]
    project = example_copy(work)
    variables = dict(template["variables"])
    # The source is this checkout (no clone); the tool goes where the template puts it.
    variables.update(CI_PROJECT_DIR=project, CONNECT_LINT_SOURCE=REPOSITORY, CONNECT_LINT_PYTHON=PYTHON)
    environment = wheel_environment(work)
    for key, value in variables.items():
        environment[key] = re.sub(r"\$(\w+)", lambda m: variables.get(m.group(1), environment.get(m.group(1), "")), str(value))
    script = "\n".join(job["script"])
    process = subprocess.run(["bash", "-e", "-c", script], cwd=project, env=environment, capture_output=True, text=True)
    check(process.returncode == 1, "gitlab: the job fails on the example's problems (exit 1)", process.stdout + process.stderr)
    quality = json.load(open(os.path.join(project, job["artifacts"]["reports"]["codequality"])))
    check(len(quality) > 0 and all({"description", "check_name", "fingerprint", "severity", "location"} <= set(i) for i in quality),
          "gitlab: the Code Quality report lists the problems")
    junit = ElementTree.parse(os.path.join(project, job["artifacts"]["reports"]["junit"])).getroot()
    check(len(junit.findall(".//failure")) == len(quality), "gitlab: the JUnit report has a failure per problem")


for install in ("wheel", "source"):
    with tempfile.TemporaryDirectory() as action_work:
        example_copy(action_work)
        github_action(action_work, install)
with tempfile.TemporaryDirectory() as gitlab_work:
    gitlab_template(gitlab_work)
print("ci templates: %d passed, %d failed" % (results.count(True), results.count(False)))
sys.exit(0 if all(results) else 1)
