#!/usr/bin/env python3
"""The hostile-input suite: odd, broken and huge projects thrown at connect-lint.

Every case must finish (no hang), exit 0 or 1 (2 only with a one-line "connect-lint: error:"), print no
stack trace, write nothing outside the project, and leave the project byte-identical unless a fix was
asked for. Prints how many cases it tried and how many held; exits 1 when any did not hold.

    tests/hostile/hostile.py PATH-TO-connect-lint [--quick]
"""
import hashlib
import json
import os
import random
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


def case(name, build, args=("check", "project", "--no-python"), modifies=False):
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
        try:
            run = subprocess.run([TOOL, *args], cwd=root, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
            code, stderr = run.returncode, run.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            code, stderr = None, ""
            problems.append("did not finish within %d s" % TIMEOUT)
        if code is not None and code not in (0, 1):
            lines = [l for l in stderr.splitlines() if l.strip()]
            if code != 2 or not lines or not lines[-1].startswith("connect-lint: error:"):
                problems.append("exit %s: %s" % (code, stderr.strip()[:300]))
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
    results.append((name, problems, seconds))
    print(("held   " if not problems else "BROKEN ") + "%-55s %6.2f s %s" % (name, seconds, "; ".join(problems)), flush=True)


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

held = sum(1 for _, problems, _ in results if not problems)
print("hostile: %d tried, %d held" % (len(results), held))
print("%d passed, %d failed" % (held, len(results) - held))
sys.exit(0 if held == len(results) else 1)
