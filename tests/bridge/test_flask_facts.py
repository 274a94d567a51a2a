# flask_facts.wsgi_shape: what Connect's import finds at the entrypoint's name (an app, a factory, something else).
import flask

from connect_lint_bridge.flask_facts import wsgi_shape


def test_a_flask_app_is_an_app():
    assert wsgi_shape(flask.Flask("shape")) == "app"


def test_a_function_without_arguments_is_a_factory():
    def create_app():
        return flask.Flask("made")

    assert wsgi_shape(create_app) == "factory"


def test_a_function_that_needs_arguments_is_a_factory_that_needs_them():
    def create_app(config, mode, testing):
        return flask.Flask("made")

    assert wsgi_shape(create_app) == "factory-needs-args"


def test_a_function_of_two_arguments_is_taken_for_a_wsgi_app():
    # (environ, start_response): by its signature alone, nothing tells it from a factory of two arguments.
    def create_app(config, mode):
        return flask.Flask("made")

    assert wsgi_shape(create_app) == "app"


def test_a_plain_wsgi_callable_is_an_app():
    def application(environ, start_response):
        return []

    assert wsgi_shape(application) == "app"


def test_a_value_that_is_not_callable_is_other():
    assert wsgi_shape("app") == "other"
