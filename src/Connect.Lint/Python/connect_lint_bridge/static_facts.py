# connect_lint_bridge.static_facts: what `ast` sees in one module of the deployment. Nothing of it runs.
import ast

from connect_lint_bridge.safe import read_regular_file, text

_ast_parse, _ast_walk, _ast_dump, _literal_eval = ast.parse, ast.walk, ast.dump, ast.literal_eval


def _call_name(node):
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _makes_app(value):
    """A call that gives a Flask app: Flask(...), or a factory named like one (create_app(), make_app())."""
    return isinstance(value, ast.Call) and (_call_name(value) == "Flask" or "app" in (_call_name(value) or "").lower())


def _app_names(tree):
    """The module-level names bound to a Flask app: assigned from Flask(...) or an app factory, or imported as app/application."""
    names = set()
    for statement in tree.body:
        if isinstance(statement, (ast.Assign, ast.AnnAssign)) and _makes_app(statement.value):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
        elif isinstance(statement, ast.ImportFrom):
            names.update(a.asname or a.name for a in statement.names if a.name in ("app", "application"))
    return names


def _runs_an_app(node, app_names):
    """run_simple(...), or .run(...) on a Flask app (app.run(), create_app().run()); not cm.run() on anything else."""
    if _call_name(node) == "run_simple":
        return True
    receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
    return (isinstance(receiver, ast.Name) and receiver.id in app_names) or _makes_app(receiver)


def _is_main_guard(node):
    test = getattr(node, "test", None)
    return (
        isinstance(node, ast.If)
        and isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
    )


def _literal(node):
    try:
        return _literal_eval(node)
    except Exception:
        return None


def _position(node):
    return {
        "line": node.lineno,
        "column": node.col_offset + 1,
        "end_line": getattr(node, "end_lineno", None) or node.lineno,
        "end_column": (getattr(node, "end_col_offset", None) or node.col_offset) + 1,
    }


def static_facts(path, relative):
    facts = {"file": relative, "imports": [], "module_level_runs": [], "blueprints": [],
             "registrations": [], "flask_apps": [], "syntax_error": None}
    try:
        source = read_regular_file(path)
        if source is None:
            facts["syntax_error"] = {"message": "not a regular file: not read", "line": 1, "column": 1}
            return facts
        tree = _ast_parse(source, filename=path)
    except SyntaxError as error:
        facts["syntax_error"] = {"message": error.msg, "line": error.lineno or 1, "column": error.offset or 1}
        return facts
    except (OSError, ValueError) as error:
        facts["syntax_error"] = {"message": text(error), "line": 1, "column": 1}
        return facts

    guarded = set()
    optional = set()  # imports that may fail on purpose: in a try body, or under TYPE_CHECKING
    for node in _ast_walk(tree):
        if _is_main_guard(node):
            for child in _ast_walk(node):
                guarded.add(id(child))
        elif isinstance(node, ast.Try):
            for statement in node.body:
                for child in _ast_walk(statement):
                    optional.add(id(child))
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in _ast_dump(node.test):
            for statement in node.body:
                for child in _ast_walk(statement):
                    optional.add(id(child))
    top_level = set()
    for statement in tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        for child in _ast_walk(statement):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            top_level.add(id(child))

    app_names = _app_names(tree)
    for node in _ast_walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                facts["imports"].append(dict(module=alias.name, level=0, optional=id(node) in optional, **_position(node)))
        elif isinstance(node, ast.ImportFrom):
            facts["imports"].append(dict(module=node.module or "", level=node.level, optional=id(node) in optional,
                                         names=[a.name for a in node.names], **_position(node)))
        elif isinstance(node, ast.Call):
            name = _call_name(node)
            if name in ("run", "run_simple") and id(node) in top_level and id(node) not in guarded and _runs_an_app(node, app_names):
                facts["module_level_runs"].append(dict(call=name, **_position(node)))
            elif name == "Blueprint" and node.args:
                name = _literal(node.args[0])
                facts["blueprints"].append(dict(name=name if isinstance(name, str) else None, **_position(node)))
            elif name == "register_blueprint":
                prefix = None
                for keyword in node.keywords:
                    if keyword.arg == "url_prefix":
                        prefix = _literal(keyword.value)
                        prefix = prefix if isinstance(prefix, str) else None
                facts["registrations"].append(dict(url_prefix=prefix, **_position(node)))
            elif name == "Flask":
                facts["flask_apps"].append(_position(node))
    return facts
