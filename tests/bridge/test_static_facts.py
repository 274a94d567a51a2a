# static_facts: what `ast` sees in a module, without running it.
from connect_lint_bridge.static_facts import static_facts


def facts_of(tmp_path, source):
    path = tmp_path / "app.py"
    path.write_text(source)
    return static_facts(str(path), "app.py")


def test_a_run_at_module_level_is_reported_at_its_position(tmp_path):
    facts = facts_of(tmp_path, "from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)\n")

    assert facts["module_level_runs"] == [{"call": "run", "line": 3, "column": 1, "end_line": 3, "end_column": 20}]
    assert facts["flask_apps"][0]["line"] == 2


def test_a_run_under_the_main_guard_or_in_a_function_is_not(tmp_path):
    source = ("from flask import Flask\napp = Flask(__name__)\n\n"
              "def serve():\n    app.run()\n\n"
              "if __name__ == '__main__':\n    app.run()\n")

    assert facts_of(tmp_path, source)["module_level_runs"] == []


def test_a_run_of_something_that_is_not_an_app_is_not(tmp_path):
    source = ("from connections import ConnectionManager\nfrom flask import Flask\n\napp = Flask(__name__)\n"
              "cm = ConnectionManager()\ncm.run(['sync'])\nsubprocess.run(['ls'])\n")

    assert facts_of(tmp_path, source)["module_level_runs"] == []


def test_a_run_of_an_app_from_a_factory_or_imported_is(tmp_path):
    source = "from myapp import create_app\nfrom wsgi import app as served\ncreate_app().run()\nserved.run()\nrun_simple('0.0.0.0', 80, served)\n"

    assert [run["line"] for run in facts_of(tmp_path, source)["module_level_runs"]] == [3, 4, 5]


def test_imports_in_a_try_body_are_optional(tmp_path):
    facts = facts_of(tmp_path, "import os\ntry:\n    import ujson\nexcept ImportError:\n    ujson = None\n")

    assert [(i["module"], i["optional"]) for i in facts["imports"]] == [("os", False), ("ujson", True)]


def test_blueprints_and_their_registrations_keep_literal_names_and_prefixes(tmp_path):
    facts = facts_of(tmp_path, "from flask import Blueprint\nbp = Blueprint('admin', __name__)\n"
                               "app.register_blueprint(bp, url_prefix='/admin')\n")

    assert facts["blueprints"][0]["name"] == "admin"
    assert facts["registrations"][0]["url_prefix"] == "/admin"


def test_a_syntax_error_is_a_fact_with_its_position_not_an_exception(tmp_path):
    facts = facts_of(tmp_path, "def broken(:\n    pass\n")

    assert facts["syntax_error"]["line"] == 1
    assert facts["imports"] == []


def test_a_directory_is_not_read(tmp_path):
    (tmp_path / "pkg.py").mkdir()

    facts = static_facts(str(tmp_path / "pkg.py"), "pkg.py")

    assert facts["syntax_error"] == {"message": "not a regular file: not read", "line": 1, "column": 1}
