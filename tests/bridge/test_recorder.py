# recorder.watch_environ: which variables the import reads, which it read while unset, which the project's own code read.
import os

from connect_lint_bridge.recorder import VAR_PLACEHOLDER, declare_vars, project_reads, unset_reads, watch_environ


def _import_reading(tmp_path, source):
    (tmp_path / "reads_env.py").write_text(source)
    namespace = {}
    exec(compile(source, str(tmp_path / "reads_env.py"), "exec"), namespace)
    return namespace


def test_a_variable_read_while_unset_is_recorded_and_the_key_error_still_raised(tmp_path, monkeypatch):
    monkeypatch.delenv("CONNECT_LINT_TEST_DBUSER", raising=False)
    stop = watch_environ(str(tmp_path))
    try:
        _import_reading(tmp_path, "import os\nos.environ['CONNECT_LINT_TEST_DBUSER']\n")
        raised = False
    except KeyError:
        raised = True
    finally:
        reads = stop()

    assert raised
    assert "CONNECT_LINT_TEST_DBUSER" in reads
    assert unset_reads() == ["CONNECT_LINT_TEST_DBUSER"]
    assert project_reads() == ["CONNECT_LINT_TEST_DBUSER"]


def test_reads_by_other_code_are_not_the_projects(tmp_path, monkeypatch):
    monkeypatch.setenv("CONNECT_LINT_TEST_HOST", "db")
    monkeypatch.delenv("CONNECT_LINT_TEST_LOCALE", raising=False)
    stop = watch_environ(str(tmp_path))
    try:
        os.environ.get("CONNECT_LINT_TEST_HOST")  # this test file is outside tmp_path: not the project's code
        os.environ.get("CONNECT_LINT_TEST_LOCALE")
        _import_reading(tmp_path, "import os\nos.getenv('CONNECT_LINT_TEST_PORT', '5432')\n")
    finally:
        stop()

    assert project_reads() == ["CONNECT_LINT_TEST_PORT"]
    assert unset_reads() == ["CONNECT_LINT_TEST_PORT"]


def test_a_declared_var_the_environment_lacks_gets_the_placeholder_and_a_set_one_keeps_its_value(monkeypatch):
    monkeypatch.delenv("CONNECT_LINT_TEST_SECRET", raising=False)
    monkeypatch.setenv("CONNECT_LINT_TEST_URL", "sqlite://")

    declare_vars(["CONNECT_LINT_TEST_SECRET", "CONNECT_LINT_TEST_URL"])

    assert os.environ["CONNECT_LINT_TEST_SECRET"] == VAR_PLACEHOLDER
    assert os.environ["CONNECT_LINT_TEST_URL"] == "sqlite://"
    monkeypatch.delenv("CONNECT_LINT_TEST_SECRET")
