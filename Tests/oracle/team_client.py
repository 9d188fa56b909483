"""A client of `regio serve --team`'s JSON API, as a script or a person's page speaks to it: logs in with
`POST /api/login`, keeps the session cookie, and sends the CSRF token of the login in `X-CSRF-Token` with
every state-changing request. One kept-alive connection per client (HTTP or HTTPS with a given CA file).

Used by the nginx test (Tests/oracle/check_team_proxy.py), the two-person browser test's setup and the load
benchmark (benchmarks/team_load.py). Standard library only.
"""
import http.client
import json
import ssl
import time
import urllib.parse


class Answer:
    """One HTTP answer: `status`, `headers` (a list of (name, value), names lower-case, repeated names
    kept), `body` (bytes), `elapsed_ms` (from sending the request to having read the whole body)."""

    def __init__(self, status, headers, body, elapsed_ms):
        self.status, self.headers, self.body, self.elapsed_ms = status, headers, body, elapsed_ms

    def header(self, name):
        """The first value of header `name`, or None."""
        return next((v for n, v in self.headers if n == name.lower()), None)

    def all(self, name):
        return [v for n, v in self.headers if n == name.lower()]

    def json(self):
        return json.loads(self.body)

    def __repr__(self):
        return f"{self.status} {self.body[:300]!r}"


class TeamClient:
    """One user's connection to the server at `base_url` (`http://host:port/` or `https://…`)."""

    def __init__(self, base_url, cafile=None, timeout=120, source_address=None):
        """`source_address`: the local address to connect from (e.g. "127.0.0.2", another loopback client)."""
        parts = urllib.parse.urlsplit(base_url)
        self.source = (source_address, 0) if source_address else None
        self.scheme, self.host, self.port = parts.scheme, parts.hostname, parts.port
        self.timeout = timeout
        self.context = ssl.create_default_context(cafile=cafile) if self.scheme == "https" else None
        self.connection = None
        self.cookies = {}
        self.csrf_token = None
        self.user = None

    def _connect(self):
        if self.scheme == "https":
            return http.client.HTTPSConnection(self.host, self.port, timeout=self.timeout, context=self.context,
                                               source_address=self.source)
        return http.client.HTTPConnection(self.host, self.port, timeout=self.timeout, source_address=self.source)

    def request(self, method, path, body=None, headers=None, csrf=True):
        """Sends one request; `body` (not None) goes as JSON. The session cookie goes along, and on any method
        but GET and HEAD the CSRF token too (unless `csrf` is False). Set-Cookie answers update the cookies.
        One retry on a fresh connection when a kept-alive one was closed by the server."""
        sent = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            sent["Content-Type"] = "application/json"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if csrf and method not in ("GET", "HEAD") and self.csrf_token:
            sent["X-CSRF-Token"] = self.csrf_token
        sent.update(headers or {})
        for attempt in (0, 1):
            if self.connection is None:
                self.connection = self._connect()
            start = time.perf_counter()
            try:
                self.connection.request(method, path, body=data, headers=sent)
                response = self.connection.getresponse()
                payload = response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()
                if attempt:
                    raise
                continue
            elapsed = (time.perf_counter() - start) * 1000
            answer = Answer(response.status, [(n.lower(), v) for n, v in response.getheaders()], payload, elapsed)
            for cookie in answer.all("set-cookie"):
                name, _, rest = cookie.partition("=")
                value = rest.split(";", 1)[0]
                if value:
                    self.cookies[name.strip()] = value
                else:
                    self.cookies.pop(name.strip(), None)
            if response.will_close:
                self.close()
            return answer

    def login(self, name, password):
        """`POST /api/login`; on 200 keeps the session cookie, the CSRF token and the user."""
        answer = self.request("POST", "/api/login", {"name": name, "password": password}, csrf=False)
        if answer.status == 200:
            payload = answer.json()
            self.csrf_token, self.user = payload.get("csrfToken"), payload.get("user")
        return answer

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def cookie_attributes(set_cookie):
    """The attributes of one Set-Cookie value, lower-case names: {"secure": True, "samesite": "Strict", …}."""
    attributes = {}
    for part in set_cookie.split(";")[1:]:
        name, has_value, value = part.strip().partition("=")
        attributes[name.lower()] = value if has_value else True
    return attributes
