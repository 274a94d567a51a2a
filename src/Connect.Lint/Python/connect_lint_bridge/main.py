# connect_lint_bridge.main: runs inside the project's own interpreter and answers with facts.
#
# Protocol (version 1): the request is JSON {"protocol", "directory", "entrypoint", "sources", "timeout",
# "static_only", "packages"}. Answers are JSON lines (bridge-answer.schema.json): first {"kind": "static", ...} (from
# `ast`, no user code run), then {"kind": "import", ...} after importing the entrypoint the way Connect does, then,
# when "serve" asks ({"prefix", "timeout" per request, "budget" in all}), {"kind": "serve", ...}, then,
# when "packages" asks ({"known_key": the key of the answer the tool holds, or null; "read": false for the key
# alone}), {"kind": "packages", ...}. In the
# process host they go to the process's original stdout while fd 1 points at stderr, so nothing user code prints
# can corrupt the answer; a hard exit or a hang after the static line still leaves the static facts with the caller.
import faulthandler
import os
import sys

from connect_lint_bridge.distributions import environment_key, installed
from connect_lint_bridge.environment import environment_facts
from connect_lint_bridge.import_facts import import_facts, module_facts
from connect_lint_bridge.recorder import Recorder, declare_vars, project_reads, unset_reads, watch_environ, watch_files
from connect_lint_bridge.serve import serve_facts
from connect_lint_bridge.safe import PROTOCOL, fd_sender, join, loads, os_chdir, os_dup, os_dup2
from connect_lint_bridge.static_facts import static_facts

_exit = os._exit


def run(request, send, watchdog):
    directory = request["directory"]
    start_path = list(sys.path)
    packages = request.get("packages")
    key = environment_key() if packages is not None else None
    # Environment and static facts first, with the project not yet on sys.path: nothing of it runs for them.
    environment = environment_facts()
    static = [static_facts(join(directory, rel), rel) for rel in request.get("sources", [])]
    send({"kind": "static", "protocol": PROTOCOL, "environment": environment, "files": static})
    if request.get("static_only"):
        return  # write-manifest: versions, locale and ast facts; the project is never imported
    os_chdir(directory)
    sys.path.insert(0, directory)
    if watchdog:
        # Only in a process of our own: faulthandler's signal handlers must not replace a host's.
        try:
            faulthandler.enable(file=sys.__stderr__)
            if request.get("timeout"):
                faulthandler.dump_traceback_later(max(request["timeout"] - 1, 0.5), exit=False, file=sys.__stderr__)
        except Exception:
            pass
    recorder = Recorder(directory)
    declare_vars(request.get("vars"))
    stop_watching = watch_environ(directory)
    stop_watching_files = watch_files(start_path)
    found_app = []
    try:
        facts = import_facts(request, recorder, found_app)
    finally:
        facts_files = stop_watching_files()
        facts_reads = stop_watching()
        recorder.uninstall()
    try:
        local, third_party = module_facts(directory)
    except BaseException:
        local, third_party = [], []  # sys.modules as user code left it may hold anything
    # Which environment variables the import read, and which files and directories (outside the environment's own)
    # it opened or listed: the tool may reuse this answer while they stay as they are.
    facts.update(protocol=PROTOCOL, local_modules=local, third_party=third_party, environ_reads=facts_reads,
                 environ_unset=unset_reads(), environ_project_reads=project_reads(),
                 files_read=facts_files)
    send(facts)
    if request.get("serve") and found_app:
        # The rehearsal: the app's parameterless GET routes, requested once under Connect's path prefix.
        send(serve_facts(found_app[0], request["serve"], recorder))
    if packages is not None:
        # The installed distributions, in this same process and after the import (which must not wait for them),
        # read with sys.path as it was; not read at all when the environment is as the tool last saw it.
        sys.path[:] = start_path
        unchanged = key == packages.get("known_key") or not packages.get("read", True)
        send({"kind": "packages", "protocol": PROTOCOL, "key": key, "installed": None if unchanged else installed()})


def process_main():
    """The process host: answers on the original stdout, user output on stderr, then a hard exit."""
    try:
        # A session of our own: the caller ends every process user code starts (even one that outlives us) at once.
        os.setsid()
    except OSError:
        pass
    answer_fd = os_dup(1)
    os_dup2(2, 1)
    sys.stdout = sys.stderr
    run(loads(sys.argv[1]), fd_sender(answer_fd), watchdog=True)
    try:
        sys.stderr.flush()
    except BaseException:
        pass
    # Non-daemon threads started by user code must not keep us alive: the answer is complete.
    _exit(0)
