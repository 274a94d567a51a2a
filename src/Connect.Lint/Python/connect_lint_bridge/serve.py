# connect_lint_bridge.serve: requests every parameterless GET route of the imported app once, as Connect serves it
# under a path prefix (SCRIPT_NAME = /content/<id>), through the app's own WSGI interface (Flask's test client: no
# server, no network), and says what escapes the prefix: a redirect Location or an HTML href/src/action that starts
# with "/" but not with the prefix. A 5xx is reported with the user frame that raised.
import re
import signal
import time
from urllib.parse import urlsplit

from connect_lint_bridge.recorder import traceback_frames
from connect_lint_bridge.safe import PROTOCOL, HardExit, text

_LINK = re.compile(r"""\b(href|src|action)\s*=\s*(["'])(/(?!/)[^"'<>\s]*)\2""", re.IGNORECASE)
MAX_BODY = 1 << 20  # the part of a page searched for links
MAX_LINKS = 20  # per route


class _RequestTimeout(BaseException):
    pass


def _on_alarm(signum, frame):
    raise _RequestTimeout()


def _escapes(path, prefix):
    return path.startswith("/") and not path.startswith("//") and path != prefix and not path.startswith(prefix + "/")


def _location_escape(location, prefix, host):
    """The Location's path when it leaves the prefix on this host (a relative "/login" or http://host/login)."""
    try:
        parts = urlsplit(location)
    except ValueError:
        return None
    if parts.netloc and parts.netloc != host:
        return None  # another site: not ours to judge
    if not parts.netloc and not location.startswith("/"):
        return None  # relative to the current page: stays under the prefix
    return location if _escapes(parts.path or "/", prefix) else None


def _parameterless_get_rules(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or "GET" not in (rule.methods or ()) or rule.arguments:
            continue
        if getattr(rule, "host", None) or getattr(rule, "subdomain", None):
            continue
        yield rule


def serve_facts(app, serve, recorder):
    prefix = "/" + serve["prefix"].strip("/")
    limit = float(serve.get("timeout") or 5)
    budget = float(serve.get("budget") or 60)
    host = "connect.invalid"
    base_url = "http://%s%s/" % (host, prefix)
    routes = []
    started = time.monotonic()
    try:
        app.config["PROPAGATE_EXCEPTIONS"] = True  # an exception reaches us with its traceback, not as a bare 500
        client = app.test_client()
        rules = list(_parameterless_get_rules(app))
    except HardExit:
        raise
    except BaseException as error:
        return {"kind": "serve", "protocol": PROTOCOL, "prefix": prefix, "routes": [], "skipped": 0, "error": text(error)}
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    skipped = 0
    try:
        for index, rule in enumerate(rules):
            if time.monotonic() - started > budget:
                skipped = len(rules) - index
                break
            view = app.view_functions.get(rule.endpoint)
            code = getattr(view, "__code__", None)
            route = {"rule": rule.rule, "endpoint": rule.endpoint,
                     "where": recorder.user_frame([(code.co_filename, code.co_firstlineno)]) if code else None,
                     "status": None, "error": None, "timed_out": False, "location": None, "links": []}
            routes.append(route)
            response = None
            signal.setitimer(signal.ITIMER_REAL, limit)
            try:
                response = client.get(rule.rule, base_url=base_url)
                route["status"] = response.status_code
                location = response.headers.get("Location")
                if location and 300 <= response.status_code < 400:
                    route["location"] = _location_escape(location, prefix, host)
                # A redirect's own body (werkzeug's "You should be redirected to /login") repeats its Location.
                if response.mimetype == "text/html" and not 300 <= response.status_code < 400:
                    body = response.get_data(as_text=True)[:MAX_BODY]
                    seen = set()
                    for match in _LINK.finditer(body):
                        attribute, value = match.group(1).lower(), match.group(3)
                        if _escapes(value.split("?")[0].split("#")[0], prefix) and (attribute, value) not in seen:
                            seen.add((attribute, value))
                            route["links"].append({"attribute": attribute, "value": value})
                            if len(seen) >= MAX_LINKS:
                                break
            except _RequestTimeout as error:
                route["timed_out"] = True
                route["error"] = {"type": "timeout", "message": "no answer within %g s" % limit,
                                  "where": recorder.user_frame(traceback_frames(error))}
            except HardExit:
                raise
            except BaseException as error:
                signal.setitimer(signal.ITIMER_REAL, 0)  # a streamed body is read above, under the same limit
                route["status"] = 500
                route["error"] = {"type": type(error).__name__, "message": text(error),
                                  "where": recorder.user_frame(traceback_frames(error))}
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                if response is not None:
                    try:
                        response.close()
                    except BaseException:
                        pass
    finally:
        signal.signal(signal.SIGALRM, previous)
    return {"kind": "serve", "protocol": PROTOCOL, "prefix": prefix, "routes": routes, "skipped": skipped, "error": None}
