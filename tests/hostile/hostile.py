#!/usr/bin/env python3
"""The hostile-input suite: odd, broken and huge projects thrown at connect-lint.

Every case must finish (no hang), exit 0 or 1 (2 only with a one-line "connect-lint: error:"), print no
stack trace, write nothing outside the project, and leave the project byte-identical unless a fix was
asked for. Cases of the trust classes also check what their class promises: no planted secret in any output,
no raw control character, no file read outside the project, no process left behind, no fix spliced into
changed bytes. Prints each class with how many of its cases held, then the total; exits 1 when any did not hold.

    tests/hostile/hostile.py PATH-TO-connect-lint [--quick]
"""
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

TOOL = os.path.abspath(sys.argv[1])
QUICK = "--quick" in sys.argv
PYTHON = "/usr/bin/python3"
TIMEOUT = 180
rng = random.Random(20261123)

APP = b'from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route("/")\ndef index():\n    return "hi"\n'
REQUIREMENTS = b"flask==2.2.2\n"
MANIFEST = json.dumps({
    "version": 1, "locale": "en_US.UTF-8",
    "metadata": {"appmode": "python-api", "entrypoint": "app"},
    "python": {"version": "3.11.2", "package_manager": {"name": "pip", "version": "23.0.1", "package_file": "requirements.txt"}},
    "files": {"requirements.txt": {"checksum": hashlib.md5(REQUIREMENTS).hexdigest()},
              "app.py": {"checksum": hashlib.md5(APP).hexdigest()}},
}, indent=2).encode() + b"\n"

results = []


def snapshot(path):
    """path -> (size, md5) for every file below path (links not followed)."""
    state = {}
    for root, dirs, files in os.walk(path, followlinks=False):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            full = os.path.join(root, name)
            try:
                if os.path.islink(full):
                    state[full] = ("link", os.readlink(full))
                elif os.path.isfile(full):
                    digest = hashlib.md5()
                    with open(full, "rb") as handle:
                        for chunk in iter(lambda: handle.read(1 << 20), b""):
                            digest.update(chunk)
                    state[full] = (os.path.getsize(full), digest.hexdigest())
                else:
                    state[full] = ("special",)
            except OSError as error:
                state[full] = ("unreadable", str(error))
    return state


def case(name, build, args=("check", "project", "--no-python"), modifies=False, cls="fuzzing and malformed input",
         forbid=(), expect=None, user=None, check=None, limit=TIMEOUT):
    """One case. forbid: byte strings no output may hold; expect: the exit codes allowed (default 0, 1, or 2 with a
    one-line error); user: run as this uid (permissions apply); check(project, outside, stdout, stderr): a
    class's own promise, returning a problem or None; limit: seconds the case may take. HOSTILE_CLASS=word runs only
    the classes whose name holds the word (while working on one)."""
    if os.environ.get("HOSTILE_CLASS") and os.environ["HOSTILE_CLASS"] not in cls:
        return
    root = tempfile.mkdtemp(prefix="connect-lint-hostile-")
    project = os.path.join(root, "project")
    outside = os.path.join(root, "outside")
    os.makedirs(project)
    os.makedirs(outside)
    with open(os.path.join(outside, "sentinel.txt"), "wb") as handle:
        handle.write(b"must not change\n")
    problems = []
    try:
        build(project, outside)
        before_outside = snapshot(outside)
        before_project = None if modifies else snapshot(project)
        started = time.time()
        stdout = raw_stderr = b""
        # ("--shell", script): a case that runs the tool its own way (several runs at once).
        command = list(args[1:]) if args[0] == "--shell" else [TOOL, *args] if user is None else ["setpriv", "--reuid=%d" % user, "--regid=%d" % user, "--clear-groups", TOOL, *args]
        if user is not None:
            # Open the case to that user, except the files the case made unreadable on purpose.
            locked = [os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if os.stat(os.path.join(d, f)).st_mode & 0o777 == 0]
            subprocess.run(["chmod", "-R", "o+rwX", root], check=True)
            for path in locked:
                os.chmod(path, 0)
        try:
            run = subprocess.run(command, cwd=root, capture_output=True, timeout=limit, stdin=subprocess.DEVNULL)
            code, stdout, raw_stderr = run.returncode, run.stdout, run.stderr
            stderr = raw_stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            code, stderr = None, ""
            problems.append("did not finish within %d s" % limit)
        if code is not None and expect is not None and code not in expect:
            problems.append("exit %s, expected %s: %s" % (code, "/".join(map(str, expect)), stderr.strip()[:300]))
        elif code is not None and code not in (0, 1):
            lines = [l for l in stderr.splitlines() if l.strip()]
            if code != 2 or len(lines) != 1 or not lines[-1].startswith("connect-lint: error:"):
                problems.append("exit %s: %s" % (code, stderr.strip()[:300]))
        for secret in forbid:
            for where, data in (("stdout", stdout), ("stderr", raw_stderr)) + tuple(written_reports(root)):
                if secret in data:
                    problems.append("%s holds %r" % (where, secret[:40]))
        if cls in CONTROL_CLASSES and RAW_CONTROL.search(stdout + raw_stderr):
            problems.append("a raw control or bidi character reached the output")
        if check is not None and code is not None:
            problem = check(project, outside, stdout.decode("utf-8", "replace"), stderr)
            if problem:
                problems.append(problem)
        if "   at " in stderr or "Unhandled exception" in stderr or "internal error" in stderr:
            problems.append("stack trace or internal error: %s" % stderr.strip()[:300])
        if snapshot(outside) != before_outside:
            problems.append("something outside the project changed")
        if before_project is not None and snapshot(project) != before_project:
            problems.append("the project changed although no fix was asked for")
        seconds = time.time() - started
    except Exception as error:  # a broken case builder is a failure of the suite, not of the tool
        problems.append("case could not be built: %r" % error)
        seconds = 0
    finally:
        subprocess.run(["chmod", "-R", "u+rwX", root], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
    results.append((cls, name, problems, seconds))
    print(("held   " if not problems else "BROKEN ") + "%-55s %6.2f s %s" % (name, seconds, "; ".join(problems)), flush=True)


CONTROL_CLASSES = {"output cannot be forged, input cannot stall", "secrets never leave through a report"}
# C0 controls but tab, LF and CR (CRLF diffs), DEL, C1 controls (as UTF-8), bidi overrides and isolates (as UTF-8).
RAW_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


def written_reports(root):
    """Report files a case asked for (-o), as (name, bytes)."""
    for name in os.listdir(root):
        if name.startswith("report"):
            with open(os.path.join(root, name), "rb") as handle:
                yield name, handle.read()


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def base(project, manifest=MANIFEST, requirements=REQUIREMENTS, app=APP):
    write(os.path.join(project, "app.py"), app)
    write(os.path.join(project, "requirements.txt"), requirements)
    if manifest is not None:
        write(os.path.join(project, "manifest.json"), manifest)


def mutate(data):
    data = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        kind = rng.choice(["flip", "cut", "insert", "delete", "duplicate", "junk"])
        at = rng.randrange(0, max(1, len(data)))
        if kind == "flip" and data:
            data[at] ^= 1 << rng.randrange(8)
        elif kind == "cut":
            data = data[:at]
        elif kind == "insert":
            data[at:at] = bytes([rng.choice(b'{}[]",:\\\x00\xff\xc3\xa9 0123456789nulltrue')])
        elif kind == "delete" and data:
            del data[at:at + rng.randint(1, 20)]
        elif kind == "duplicate" and data:
            chunk = data[at:at + rng.randint(1, 40)]
            data[at:at] = chunk
        else:
            data[at:at] = os.urandom(rng.randint(1, 16))
    return bytes(data)


FUZZ = 40 if QUICK else 150
for i in range(FUZZ):
    fuzzed = mutate(MANIFEST)
    case("fuzzed manifest #%d" % i, lambda p, o, m=fuzzed: base(p, manifest=m))

REQUIREMENT_TOKENS = [b"flask", b"==", b">=", b"2.2.2", b" @ ", b"file:///x", b"-e", b".", b"-r", b"missing.txt", b"--hash=sha256:", b"\\\n",
                      b"#", b";", b"python_version<'3'", b"[", b"]", b"\xff\xfe", b"\x00", b"--index-url", b"https://u:p@h/s", b"\n", b"  ", b"+g1"]
for i in range(20 if QUICK else 60):
    text = b"".join(rng.choice(REQUIREMENT_TOKENS) for _ in range(rng.randint(1, 40)))
    case("malformed requirements #%d" % i, lambda p, o, t=text: base(p, requirements=t))

case("manifest fix on fuzzed input", lambda p, o: base(p, manifest=mutate(MANIFEST)), args=("check", "project", "--no-python", "--fix"), modifies=True)
case("symlink loop", lambda p, o: (base(p), os.makedirs(os.path.join(p, "loop")), os.symlink(os.path.join(p, "loop"), os.path.join(p, "loop", "again"))))
case("symlinked directory to outside", lambda p, o: (base(p), os.symlink(o, os.path.join(p, "elsewhere"))))


def listed_symlink_outside(p, o):
    manifest = json.loads(MANIFEST)
    manifest["files"]["secret.txt"] = {"checksum": "0" * 32}
    manifest["files"]["../outside/sentinel.txt"] = {"checksum": "0" * 32}
    manifest["files"]["/etc/passwd"] = {"checksum": "0" * 32}
    base(p, manifest=json.dumps(manifest).encode())
    os.symlink(os.path.join(o, "sentinel.txt"), os.path.join(p, "secret.txt"))


case("manifest listing paths outside, --fix", listed_symlink_outside, args=("check", "project", "--no-python", "--fix"), modifies=True)
case("manifest.json is a symlink to outside, --fix",
     lambda p, o: (base(p, manifest=None), write(os.path.join(o, "manifest.json"), MANIFEST), os.symlink(os.path.join(o, "manifest.json"), os.path.join(p, "manifest.json"))),
     args=("check", "project", "--no-python", "--fix"), modifies=True)
case("unreadable file (chmod 000)", lambda p, o: (base(p), write(os.path.join(p, "locked.py"), b"x = 1\n"), os.chmod(os.path.join(p, "locked.py"), 0)))
case("unreadable directory (chmod 000)", lambda p, o: (base(p), os.makedirs(os.path.join(p, "locked")), os.chmod(os.path.join(p, "locked"), 0)))
case("non-UTF-8 file name", lambda p, o: (base(p), write(os.path.join(p.encode(), b"caf\xe9\xff.py").decode("utf-8", "surrogateescape"), b"x = 1\n")))
case("very long file name", lambda p, o: (base(p), write(os.path.join(p, "n" * 250 + ".py"), b"x = 1\n")))
case("deep nesting (100 directories)", lambda p, o: (base(p), write(os.path.join(p, *(["d"] * 100), "deep.py"), b"x = 1\n")))
case("binary file named app.py (through Python)", lambda p, o: base(p, app=os.urandom(4096)), args=("check", "project", "--python", PYTHON))
case("binary requirements.txt", lambda p, o: base(p, requirements=os.urandom(2048)))
case("FIFO named requirements.txt", lambda p, o: (base(p), os.remove(os.path.join(p, "requirements.txt")), os.mkfifo(os.path.join(p, "requirements.txt"))))
case("FIFO named app.py", lambda p, o: (base(p), os.remove(os.path.join(p, "app.py")), os.mkfifo(os.path.join(p, "app.py"))))
case("empty files everywhere", lambda p, o: base(p, manifest=b"", requirements=b"", app=b""))
case("deployment that is itself a virtualenv",
     lambda p, o: (subprocess.run([PYTHON, "-m", "venv", "--without-pip", p], check=True), base(p)))
case("write-manifest in a virtualenv directory",
     lambda p, o: (subprocess.run([PYTHON, "-m", "venv", "--without-pip", p], check=True), base(p, manifest=None)),
     args=("write-manifest", "project", "--python", PYTHON), modifies=True)


def many_files(p, o):
    base(p)
    for d in range(100):
        directory = os.path.join(p, "data", "%03d" % d)
        os.makedirs(directory)
        for f in range(1000 if not QUICK else 100):
            with open(os.path.join(directory, "%04d.txt" % f), "wb") as handle:
                handle.write(b"%d\n" % f)


case("100,000 files" if not QUICK else "10,000 files", many_files)


def big_file(p, o):
    base(p)
    with open(os.path.join(p, "big.bin"), "wb") as handle:
        handle.truncate((1 << 30) if not QUICK else (1 << 27))


case("a 1 GB file" if not QUICK else "a 128 MB file", big_file)
case("a 1 GB file, write-manifest" if not QUICK else "a 128 MB file, write-manifest",
     lambda p, o: (big_file(p, o), os.remove(os.path.join(p, "manifest.json"))),
     args=("write-manifest", "project", "--python", PYTHON), modifies=True)


# ---------------------------------------------------------------- the trust classes
PASSWORD = b"Pl4ntedPassw0rd"
TOKEN = b"ghp_Pl4ntedT0kenPl4ntedT0kenPl4ntedT0ken"
FORBID = (b"Pl4nted",)
NOBODY = 65534

SECRETS = "secrets never leave through a report"
for fmt in ("text", "json", "sarif", "github"):
    def planted(p, o):
        base(p, requirements=b"--extra-index-url https://alice:" + PASSWORD + b"@pypi.example.com/simple\nflask==2.2.2\nbroken " + TOKEN +
             b" ==\nprivpkg @ https://alice:" + PASSWORD + b"@files.example.com/p-1.0-py3-none-any.whl\n",
             app=APP + b"\nDATABASE_URL = 'postgresql://app:" + PASSWORD + b"@db/app'\nraise RuntimeError('cannot reach postgresql://app:" +
             PASSWORD + b"@db/app as " + TOKEN + b"')\n")
        write(os.path.join(p, "notes-" + TOKEN.decode() + ".txt"), b"unlisted\n")
        write(os.path.join(p, ".netrc"), b"machine h login alice password " + PASSWORD + b"\n")
    case("planted secrets, --format %s" % fmt, planted, args=("check", "project", "--python", PYTHON, "--format", fmt), cls=SECRETS, forbid=FORBID)
case("planted secrets, --output report.sarif", planted, args=("check", "project", "--python", PYTHON, "--format", "sarif", "-o", "report.sarif"),
     cls=SECRETS, forbid=FORBID)
case("planted secrets, --diff --unsafe-fixes", planted, args=("check", "project", "--python", PYTHON, "--diff", "--unsafe-fixes"), cls=SECRETS, forbid=FORBID)
case("planted secrets, inspect --format json", planted, args=("inspect", "project", "--python", PYTHON, "--format", "json"), cls=SECRETS, forbid=FORBID)

ACCESS = "one file-access policy"
case("requirements.txt -> /proc/self/environ", lambda p, o: (base(p), os.remove(os.path.join(p, "requirements.txt")),
     os.symlink("/proc/self/environ", os.path.join(p, "requirements.txt"))), args=("check", "project", "--no-python", "--format", "github"),
     cls=ACCESS, forbid=(b"PATH=", b"HOME="))
case("package_file -> a secret outside", lambda p, o: (base(p, manifest=MANIFEST.replace(b'"package_file": "requirements.txt"', b'"package_file": "reqs.txt"')),
     write(os.path.join(o, "secret.txt"), b"TOKEN=" + TOKEN + b"\n"), os.symlink(os.path.join(o, "secret.txt"), os.path.join(p, "reqs.txt"))),
     cls=ACCESS, forbid=FORBID)
case("-r include -> a secret outside", lambda p, o: (base(p, requirements=b"-r inc.txt\n"), write(os.path.join(o, "secret.txt"), PASSWORD + b"\n"),
     os.symlink(os.path.join(o, "secret.txt"), os.path.join(p, "inc.txt"))), cls=ACCESS, forbid=FORBID)
case("pyproject.toml -> /proc/self/environ", lambda p, o: (base(p), os.symlink("/proc/self/environ", os.path.join(p, "pyproject.toml"))),
     cls=ACCESS, forbid=(b"PATH=",))
case("source -> a key outside", lambda p, o: (base(p), write(os.path.join(o, "k.py"), b"K = '" + TOKEN + b"'\n"),
     os.symlink(os.path.join(o, "k.py"), os.path.join(p, "k.py"))), cls=ACCESS, forbid=FORBID)
case("check /proc/self", lambda p, o: None, args=("check", "/proc/self", "--no-python"), cls=ACCESS, expect=(2,))
case("-o /dev/null (a device)", lambda p, o: base(p), args=("check", "project", "--no-python", "-o", "/dev/null"), cls=ACCESS, expect=(2,),
     check=lambda p, o, out, err: None if os.path.exists("/dev/null") and not os.path.isfile("/dev/null") else "/dev/null was replaced")


def requirements_rewritten_at_import(p, o):
    base(p, requirements=b"flask==2.2.2\npywin32==306\n",
         app=b"import os, time\ntime.sleep(1)\nopen(os.path.join(os.path.dirname(__file__), 'requirements.txt'), 'w').write('# new\\npywin32==306\\n')\n" + APP)


FIXES = "fixes are transactions"
# CL2002 needs the import, so the app runs (and rewrites the file) while the tool reads: CL3006 alone needs no Python.
case("a fix on a file the import rewrote", requirements_rewritten_at_import, args=("check", "project", "--python", PYTHON, "--fix", "--select", "CL3006,CL2002"),
     modifies=True, cls=FIXES, check=lambda p, o, out, err: None if open(os.path.join(p, "requirements.txt")).read() == "# new\npywin32==306\n"
     else "the fix was spliced into bytes it was not computed from")


def two_fixers(p, o):
    base(p)
    for i in range(40):
        write(os.path.join(p, "m%d.py" % i), b"X = %d\n" % i)
    write(os.path.join(o, "race.sh"), ("#!/bin/sh\n%s check project --no-python --fix & %s check project --no-python --fix & wait\n" % (TOOL, TOOL)).encode())


def manifest_intact(p, o, out, err):
    try:
        files = json.load(open(os.path.join(p, "manifest.json")))["files"]
    except ValueError as error:
        return "manifest.json corrupted: %s" % error
    leftovers = [n for n in os.listdir(p) if n.startswith(".connect-lint")]
    return "working files left: %s" % leftovers if leftovers else (None if len(files) == 42 else "manifest lists %d files" % len(files))


case("two --fix runs at once", two_fixers, args=("--shell", "sh", "outside/race.sh"), modifies=True, cls=FIXES, check=manifest_intact)
case("a fix through a symlinked requirements file", lambda p, o: (base(p), write(os.path.join(p, "reqs", "real.txt"), b"flask==2.2.2\npywin32==306\n"),
     os.remove(os.path.join(p, "requirements.txt")), os.symlink("reqs/real.txt", os.path.join(p, "requirements.txt"))),
     args=("check", "project", "--no-python", "--fix"), modifies=True, cls=FIXES,
     check=lambda p, o, out, err: None if os.path.islink(os.path.join(p, "requirements.txt")) and "win32" in open(os.path.join(p, "reqs", "real.txt")).read()
     else "the link or its target was not fixed whole")

HANGS = "nothing hangs, everything is bounded"
case("a process started at import outlives it", lambda p, o: base(p, app=b"import subprocess\nsubprocess.Popen(['sleep', '40'])\n" + APP),
     args=("check", "project", "--python", PYTHON, "--import-timeout", "3"), cls=HANGS, limit=20)
case("an import that never ends, with a child", lambda p, o: base(p, app=b"import subprocess, time\nsubprocess.Popen(['sleep', '40'])\ntime.sleep(100)\n" + APP),
     args=("check", "project", "--python", PYTHON, "--import-timeout", "3"), cls=HANGS, limit=20)


def fsmonitor(p, o):
    base(p)
    subprocess.run(["git", "init", "-q", p], check=True)
    subprocess.run(["git", "-C", p, "add", "."], check=True)
    subprocess.run(["git", "-C", p, "-c", "user.email=t@e", "-c", "user.name=t", "commit", "-qm", "x"], check=True)
    write(os.path.join(o, "hook.sh"), ("#!/bin/sh\ntouch %s\nsleep 100\n" % os.path.join(o, "hook-ran")).encode())
    os.chmod(os.path.join(o, "hook.sh"), 0o755)
    subprocess.run(["git", "-C", p, "config", "core.fsmonitor", os.path.join(o, "hook.sh")], check=True)
    write(os.path.join(p, "new.py"), b"x = 1\n")


case("git with an fsmonitor hook that hangs", fsmonitor, cls=HANGS, limit=20,
     check=lambda p, o, out, err: "git ran the fsmonitor hook" if os.path.exists(os.path.join(o, "hook-ran")) else None)
case("300 nested directories", lambda p, o: (base(p), write(os.path.join(p, *(["d"] * 300), "x.py"), b"x = 1\n")), cls=HANGS,
     check=lambda p, o, out, err: None if "CL9005" in out else "the depth limit was passed over in silence")

BRIDGE = "the bridge is immune to the user's code"
case("app patches json.dumps", lambda p, o: base(p, app=b"import json\njson.dumps = lambda *a, **k: 'garbage'\n" + APP + b"app.run()\n"),
     args=("check", "project", "--python", PYTHON), cls=BRIDGE, check=lambda p, o, out, err: None if "CL2006" in out else "the answer was lost")
for module in ("json", "ast", "locale", "importlib", "inspect", "re"):
    case("project ships %s.py" % module, lambda p, o, m=module: (base(p), write(os.path.join(p, m + ".py"), b"raise SystemExit('shadowed')\n")),
         args=("check", "project", "--python", PYTHON, "--select", "CL2,CL9001"), cls=BRIDGE,
         check=lambda p, o, out, err: None if "CL2" not in out and "CL9001" not in out else "the bridge ran the project's module: " + out[:200])
case("write-manifest runs no project code", lambda p, o: (base(p, manifest=None, app=b"open(%r, 'w')\n" % os.path.join(o, "ran").encode() + APP),
     write(os.path.join(p, "locale.py"), b"open(%r, 'w')\n" % os.path.join(o, "ran").encode())),
     args=("write-manifest", "project", "--python", PYTHON), modifies=True, cls=BRIDGE,
     check=lambda p, o, out, err: "project code ran" if os.path.exists(os.path.join(o, "ran")) else None)

USAGE = "usage errors are usage errors"
for bad in (("--import-timeout", "0"), ("--import-timeout", "-1"), ("--import-timeout", "1e308"), ("--import-timeout", "99999999999"),
            ("-x", "[z-a]"), ("-o", "/nonexistent/x"), ("-o", "."), ("-o", ""), ("--python", "")):
    case("check %s %r" % bad, lambda p, o: base(p), args=("check", "project", "--no-python", *bad), cls=USAGE, expect=(2,))
case("check ''", lambda p, o: base(p), args=("check", ""), cls=USAGE, expect=(2,))
case("pyproject value nested 100 deep", lambda p, o: (base(p), write(os.path.join(p, "pyproject.toml"), b"[tool.connect-lint]\nselect = " + b"[" * 100 + b'"CL1"' + b"]" * 100 + b"\n")),
     cls=USAGE, expect=(2,))

OMISSIONS = "no silent omissions"
case("write-manifest with an unreadable file (as nobody)", lambda p, o: (base(p, manifest=None), write(os.path.join(p, "locked.py"), b"x = 1\n"),
     os.chmod(os.path.join(p, "locked.py"), 0)), args=("write-manifest", "project", "--python", PYTHON), modifies=True, cls=OMISSIONS, expect=(1,), user=NOBODY,
     check=lambda p, o, out, err: None if "locked.py" in err and not os.path.exists(os.path.join(p, "manifest.json")) else "the unreadable file was not named")
case("check with an unreadable file (as nobody)", lambda p, o: (base(p), write(os.path.join(p, "locked.py"), b"x = 1\n"), os.chmod(os.path.join(p, "locked.py"), 0)),
     cls=OMISSIONS, user=NOBODY, check=lambda p, o, out, err: None if "CL9004" in out and "locked.py" in out else "the unreadable file was passed over")
case("an LFS pointer without .gitattributes", lambda p, o: (base(p), write(os.path.join(p, "model.bin"),
     b"version https://git-lfs.github.com/spec/v1\noid sha256:" + b"0" * 64 + b"\nsize 9\n")), cls=OMISSIONS,
     check=lambda p, o, out, err: None if "CL4003" in out else "the pointer was not recognised")
case("a UTF-8 BOM in requirements.txt", lambda p, o: base(p, requirements=b"\xef\xbb\xbfflask==2.2.2\n"), args=("check", "project", "--python", PYTHON),
     cls=OMISSIONS, check=lambda p, o, out, err: "the BOM was taken for a requirement" if "CL3002" in out or "CL3003" in out else None)
case("a 2 MB configuration file", lambda p, o: (base(p), write(os.path.join(p, "big.json"), b'{"x": "' + b"x" * 2_000_000 + b'"}\n')), cls=OMISSIONS,
     check=lambda p, o, out, err: None if "CL9005" in out else "the size limit was passed over in silence")

FORGERY = "output cannot be forged, input cannot stall"
FORGED = b"project/app.py:1:1: error CL0000 forged"
for fmt in ("text", "github"):
    case("forged lines, --format %s" % fmt, lambda p, o: (base(p, app=APP + b"raise RuntimeError('x\\n" + FORGED + b"\\n::error file=x::forged\\x1b[2K\\u202e')\n",
         requirements=b"flask==2.2.2\nevil\xe2\x80\xae==1\n"), write(os.path.join(p.encode(), b"n\n" + FORGED + b"\x1b[31m.txt").decode("utf-8", "surrogateescape"), b"x\n")),
         args=("check", "project", "--python", PYTHON, "--format", fmt), cls=FORGERY,
         check=lambda p, o, out, err: "a line was forged" if any(l.startswith(FORGED.decode()) or l.startswith("::error file=x") for l in (out + err).splitlines()) else None)
PATHOLOGICAL = b"a" + b" " * 200_000 + b"@\n" + b"b" * 200_000 + b"!\nflask==1 # noqa: A1" + b"," * 200_000 + b"1\n"
case("pathological requirements lines", lambda p, o: base(p, requirements=PATHOLOGICAL), cls=FORGERY, limit=30)
case("pathological source lines", lambda p, o: base(p, app=APP + b"a." * 100_000 + b"\n" + b"x://u:p@h/" * 20_000 + b"\n" + b"token" * 40_000 + b"=1\n"),
     cls=FORGERY, limit=30)
case("pathological template", lambda p, o: (base(p), write(os.path.join(p, "templates", "i.html"), b'<a href="/' + b"a" * 500_000 + b"\n")), cls=FORGERY, limit=30)


# ---------------------------------------------------------------- trust, round 3
FIELDS = "redaction on fields, never on format syntax"
GLUED = b"-ihttps://alice:" + PASSWORD + b"@pypi.example.com/simple\n--extra-index-url=https://bob:" + PASSWORD + b"@m.example.com/simple\n-fhttps://carol:" + PASSWORD + b"@w.example.com/\nflask==2.2.2\n"
GITHUB_LINE = re.compile(r"^::(error|warning|notice) file=[^,:]+(,line=\d+(,col=\d+)?,endLine=\d+(,endColumn=\d+)?)?,title=CL\d{4} [a-z-]+::[^:]")


def secret_rules(p, o):
    base(p, requirements=GLUED, app=APP + b"\napp.secret_key = 'abcdefgh12345'\n")
    write(os.path.join(p, "secret_settings.py"), b"SECRET_KEY = 'zyxwvutsrq98765'\n")


def annotations_well_formed(p, o, out, err):
    lines = [l for l in out.splitlines() if l]
    bad = [l for l in lines if not GITHUB_LINE.match(l)]
    titles = [l.split("title=", 1)[1].split("::", 1)[0] for l in lines]
    if bad:
        return "malformed annotation: " + bad[0][:120]
    return None if titles.count("CL3009 index-credentials") == 3 and "CL5002 hardcoded-secret-key" in titles else "missing annotations: %s" % titles


case("secret rules as GitHub annotations, glued index URLs", secret_rules, args=("check", "project", "--no-python", "--format", "github"),
     cls=FIELDS, forbid=FORBID, check=annotations_well_formed)
for fmt in ("text", "json", "sarif"):
    case("glued index URLs, --format %s" % fmt, secret_rules, args=("check", "project", "--no-python", "--format", fmt), cls=FIELDS, forbid=FORBID,
         check=lambda p, o, out, err: None if "CL3009" in out else "the glued index URL's credentials were not reported")
case("a secret-named file keeps its :line:col:", secret_rules, args=("check", "project", "--no-python"), cls=FIELDS,
     check=lambda p, o, out, err: None if re.search(r"^project/secret_settings\.py:1:14: warning CL5002 ", out, re.M) else "the location was masked")

CHILDREN = "no child outlives the tool"
HANGING = b"import os, subprocess, time\nchild = subprocess.Popen(['sleep', '600'])\nopen(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'pids'), 'w').write('%d %d' % (os.getpid(), child.pid))\ntime.sleep(600)\n" + APP


def stopped_by(signal_name, extra=()):
    def build(p, o):
        base(p, app=HANGING)
        write(os.path.join(o, "stop.py"), ("""
import os, signal, subprocess, sys, time
signal.signal(signal.SIGINT, signal.SIG_DFL)
tool = subprocess.Popen([%r, "check", "project", "--python", %r, "--import-timeout", "600", %s], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
pids = "pids"
for _ in range(1200):
    if os.path.exists(pids) and len(open(pids).read().split()) == 2:
        break
    time.sleep(0.05)
tool.send_signal(signal.SIG%s)
tool.wait(30)
time.sleep(2)
def alive(pid):
    try:
        return open("/proc/%%s/stat" %% pid).read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
left = [pid for pid in open(pids).read().split() if alive(pid)]
for pid in left:
    os.kill(int(pid), 9)
print("left: %%s" %% left if left else "none left")
""" % (TOOL, PYTHON, ", ".join(repr(e) for e in extra), signal_name)).encode())
    return build


for signal_name in ("INT", "TERM", "HUP"):
    for extra in ((), ("--watch",)):
        case("SIG%s during a hanging import%s" % (signal_name, ", --watch" if extra else ""), stopped_by(signal_name, extra),
             args=("--shell", PYTHON, "outside/stop.py"), cls=CHILDREN, limit=90, modifies=True,
             check=lambda p, o, out, err: None if "none left" in out else "processes outlived the tool: " + out.strip()[-80:])

CACHE = "the cache is data"


def shared_cache(p, o):
    base(p)
    shared = os.path.join(os.path.dirname(p), "shared")
    os.makedirs(shared)
    os.chmod(shared, 0o777)


case("a world-writable cache directory is refused", shared_cache, args=("--shell", "env", "CONNECT_LINT_CACHE_DIR=shared", TOOL, "check", "project", "--python", PYTHON),
     cls=CACHE, check=lambda p, o, out, err: None if "this run uses no cache" in err and not os.listdir(os.path.join(os.path.dirname(p), "shared")) else "the shared cache was used")


def planted_bridge(p, o):
    base(p)
    cache = os.path.join(os.path.dirname(p), "cache")
    subprocess.run([TOOL, "check", p, "--python", PYTHON], env=dict(os.environ, CONNECT_LINT_CACHE_DIR=cache), capture_output=True)
    for name in os.listdir(os.path.join(cache, "bridge")):
        if name.endswith(".bin"):
            subprocess.run([PYTHON, "-c", "import marshal, sys; tag = repr((sys.version, sys.implementation.cache_tag)).encode(); "
                            "open(sys.argv[1], 'wb').write(tag + b'\\n' + marshal.dumps([compile('open(%r, \"w\")' % sys.argv[2], 'x', 'exec')]))",
                            os.path.join(cache, "bridge", name), os.path.join(os.path.dirname(p), "planted-ran")], check=True)


case("a compiled bridge planted in the cache", planted_bridge, args=("--shell", "env", "CONNECT_LINT_CACHE_DIR=cache", TOOL, "check", "project", "--python", PYTHON),
     cls=CACHE, check=lambda p, o, out, err: "the planted bridge ran" if os.path.exists(os.path.join(os.path.dirname(p), "planted-ran")) else None)
case("a cache that cannot be created, --rehearse", lambda p, o: (base(p), write(os.path.join(os.path.dirname(p), "a-file"), b"x\n")),
     args=("--shell", "env", "CONNECT_LINT_CACHE_DIR=a-file/cache", "PIP_NO_INDEX=1", TOOL, "check", "project", "--python", PYTHON, "--rehearse", "--install-timeout", "60"),
     cls=CACHE, limit=120, check=lambda p, o, out, err: None if "this run uses no cache" in err else "no warning about the cache")

FORMATS = "every output format is valid for every input"
HOSTILE_NAMES = ["ctl\x01x", "esc\x1b[31m", "nonchar\ufffe\uffff", "bidi\u202eevil", "quote\"'", "<tag>&amp;]]>", "pct%0A%25", "colon::comma,=", "tab\tnl\ncr\r", "sep\u2028"]


def hostile_names(p, o):
    base(p)
    for name in HOSTILE_NAMES:
        write(os.path.join(p, name + ".txt"), b"x\n")


def parses_as(fmt):
    def check(p, o, out, err):
        import xml.etree.ElementTree as ElementTree
        try:
            if fmt in ("json", "sarif", "gitlab"):
                json.loads(out)
            elif fmt == "json-lines":
                [json.loads(line) for line in out.splitlines() if line]
            elif fmt == "junit":
                ElementTree.fromstring(out.encode())
            elif fmt == "github":
                bad = [l for l in out.splitlines() if l and not GITHUB_LINE.match(l)]
                if bad:
                    return "malformed: " + bad[0][:100]
        except Exception as error:
            return "does not parse: %s" % error
        return None if "CL1008" in out else "the hostile names were not reported"
    return check


for fmt in ("json", "json-lines", "sarif", "github", "gitlab", "junit"):
    case("hostile file names, --format %s" % fmt, hostile_names, args=("check", "project", "--no-python", "--format", fmt), cls=FORMATS, check=parses_as(fmt))

PIP_READING = "requirements are read as pip reads them"
case("160,000 continued lines", lambda p, o: base(p, requirements=b"flask" + b" \\\n" * 160_000 + b"==2.2.2\n"), cls=PIP_READING, limit=15,
     check=lambda p, o, out, err: "the continuation was not one line" if "CL3002" in out else None)
case("form feed, vertical tab and lone CR split lines", lambda p, o: base(p, requirements=b"flask==2.2.2\x0cclick==8.1.3\x0bitsdangerous==2.1.2\rjinja2==3.1.2\n"),
     cls=PIP_READING, check=lambda p, o, out, err: "a pip line boundary was not one" if "CL3002" in out else None)
case("-rfile and -cfile glued", lambda p, o: (base(p, requirements=b"-rbase.txt\n-cconstraints.txt\n"), write(os.path.join(p, "base.txt"), b"flask==2.2.2\n"),
     write(os.path.join(p, "constraints.txt"), b"flask==2.2.2\n")), cls=PIP_READING,
     check=lambda p, o, out, err: "a glued option was not read" if "CL3002" in out or "CL3001" in out else None)


def merged_manifest(p, o):
    base(p)
    manifest = MANIFEST.decode().replace('"app.py": {', '"app.py": {"checksum": "%s"},\n    "app.py": {' % ("0" * 32), 1)
    write(os.path.join(p, "manifest.json"), manifest.encode())


case("a path listed twice, the current checksum last", merged_manifest, cls=PIP_READING,
     check=lambda p, o, out, err: "the earlier entry was judged" if "CL1007" in out else None)

REPOSITORIES = "worktrees and submodules are repositories of their own"


def linked_worktree(p, o):
    base(p, manifest=None)
    subprocess.run(["git", "init", "-q", p], check=True)
    subprocess.run(["git", "-C", p, "add", "."], check=True)
    subprocess.run(["git", "-C", p, "-c", "user.email=t@e", "-c", "user.name=t", "commit", "-qm", "x"], check=True)
    subprocess.run(["git", "-C", p, "worktree", "add", "-q", ".worktrees/feature"], check=True, capture_output=True)


case("write-manifest in a linked worktree", linked_worktree, args=("write-manifest", "project/.worktrees/feature", "--python", PYTHON, "-e", "app:app"),
     modifies=True, cls=REPOSITORIES,
     check=lambda p, o, out, err: "a .git file was listed" if '".git"' in open(os.path.join(p, ".worktrees", "feature", "manifest.json")).read() else None)
case("check inside a linked worktree", lambda p, o: (linked_worktree(p, o), subprocess.run([TOOL, "write-manifest", os.path.join(p, ".worktrees", "feature"), "--python", PYTHON, "-e", "app:app"], capture_output=True)),
     args=("check", "project/.worktrees/feature", "--python", PYTHON), cls=REPOSITORIES,
     check=lambda p, o, out, err: "the worktree's .git was reported" if "'.git'" in out else None)

COMMITS = "a commit's tree is read, never trusted"


def committed(p, files):
    """A repository at p holding the base deployment plus files (name -> bytes, or ("link", target)), committed."""
    base(p)
    for name, data in files.items():
        full = os.path.join(p, name)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        if isinstance(data, tuple):
            os.symlink(data[1], full)
        else:
            write(full, data)
    subprocess.run(["git", "init", "-q", p], check=True)
    subprocess.run(["git", "-C", p, "add", "-A"], check=True)
    subprocess.run(["git", "-C", p, "-c", "user.email=t@e", "-c", "user.name=t", "commit", "-qm", "x"], check=True)


def dirty(p):
    """An uncommitted edit, so that check --rev reads a private copy, not the work tree."""
    with open(os.path.join(p, "app.py"), "ab") as handle:
        handle.write(b"# edited\n")


case("check --rev: a committed link to a file outside the project", lambda p, o: (committed(p, {"data/secret.txt": ("link", os.path.join(o, "sentinel.txt"))}), dirty(p)),
     args=("check", "project", "--rev", "HEAD", "--python", PYTHON), cls=COMMITS, forbid=(b"must not change",))
case("check --rev: committed names with line breaks and escapes", lambda p, o: (committed(p, {"bad\nname.py": b"x = 1\n", "\x1b[2Kansi.txt": b"x\n"}), dirty(p)),
     args=("check", "project", "--rev", "HEAD", "--python", PYTHON, "--format", "json"), cls=COMMITS, check=parses_as("json"))
case("check --rev: project code writing at import writes into the copy", lambda p, o: (committed(p, {"app.py": b"open(__file__ + '.ran', 'w').close()\n" + APP}), dirty(p)),
     args=("check", "project", "--rev", "HEAD", "--python", PYTHON), cls=COMMITS,
     check=lambda p, o, out, err: "the import wrote into the work tree" if os.path.exists(os.path.join(p, "app.py.ran")) else None)
for bad in ("--upload-pack=touch x", "HEAD:app.py", "HEAD^{tree}", "a\x1b[2Kb"):
    case("check --rev %r" % bad, lambda p, o: committed(p, {}), args=("check", "project", "--no-python", "--rev=" + bad), cls=USAGE, expect=(2,))

held = sum(1 for _, _, problems, _ in results if not problems)
print()
for cls in dict.fromkeys(c for c, _, _, _ in results):
    mine = [problems for c, _, problems, _ in results if c == cls]
    print("  %-50s %3d tried, %3d held" % (cls, len(mine), sum(1 for p in mine if not p)))
print("hostile: %d tried, %d held" % (len(results), held))
print("%d passed, %d failed" % (held, len(results) - held))
sys.exit(0 if held == len(results) else 1)
