# distributions: installed distributions read without importing them.
from types import SimpleNamespace

from connect_lint_bridge.distributions import environment_key, normalize, required


def test_names_are_normalised_as_pip_compares_them():
    assert normalize("Flask_SQLAlchemy") == "flask-sqlalchemy"
    assert normalize("zope.interface") == "zope-interface"


def test_requirements_under_a_marker_are_left_out():
    dist = SimpleNamespace(requires=["Werkzeug>=3.0", "click (>=8.1.3)", "asgiref>=3.2; extra == 'async'"])

    assert required(dist) == [["werkzeug", ">=3.0"], ["click", ">=8.1.3"]]


def test_the_environment_key_names_each_existing_path_entry_once_with_its_time(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.path", [str(tmp_path), str(tmp_path / "missing"), ""])

    key = environment_key()

    assert [entry for entry, _ in key] == [str(tmp_path)]
