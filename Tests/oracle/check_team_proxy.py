#!/usr/bin/env python3
"""Logs in to `regio serve --team` THROUGH an nginx TLS reverse proxy, as a region's browser would reach it.

Over HTTPS, verifying the proxy's certificate against `--cacert` (a self-signed one made for the test):
plain HTTP is redirected to HTTPS; the API refuses a request without a session (401) and a wrong password
(401); the right password answers 200 with a `csrfToken` and the user, and a session cookie that is Secure,
HttpOnly and SameSite=Strict; `GET /api/state` with the cookie answers the user's workspace; an edit without
the CSRF token is refused (403) and with it applied, from the page's https:// Origin but not another site's;
HSTS is sent; the same server reached without the CA
file fails certificate verification (it is really TLS, with that certificate). The sign-in limit counts per
client behind the proxy: five failed sign-ins from another loopback address (127.0.0.2) lock that client out
(429), also when it sends its own X-Forwarded-For, while the user still signs in from 127.0.0.1.

    python check_team_proxy.py --url https://127.0.0.1:8443/ --cacert cert.pem --http-url http://127.0.0.1:8080/ \
        --name anna --password 'correct horse'

Exit code 0 when every check passes, 1 when one fails. Standard library only.
"""
import argparse
import pathlib
import ssl
import sys
import urllib.error
import urllib.request

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from checklist import Checklist  # noqa: E402
from team_client import TeamClient, cookie_attributes  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the proxy's HTTPS address, e.g. https://127.0.0.1:8443/")
    parser.add_argument("--cacert", required=True, help="the CA (here: the self-signed certificate) to verify it with")
    parser.add_argument("--http-url", help="the proxy's plain HTTP address, which must redirect to HTTPS")
    parser.add_argument("--name", required=True)
    parser.add_argument("--password", required=True)
    args = parser.parse_args()
    check = Checklist("check_team_proxy")

    try:
        if args.http_url:
            class NoRedirect(urllib.request.HTTPRedirectHandler):
                def redirect_request(self, *a, **k):
                    return None
            try:
                answer = urllib.request.build_opener(NoRedirect).open(args.http_url + "api/state", timeout=30)
                status, location = answer.status, answer.headers.get("Location")
            except urllib.error.HTTPError as e:
                status, location = e.code, e.headers.get("Location")
            check(status == 301 and (location or "").startswith("https://") and (location or "").endswith("/api/state"),
                  f"plain HTTP is redirected to HTTPS: {status} Location {location}")

        try:
            urllib.request.urlopen(args.url + "api/state", timeout=30, context=ssl.create_default_context())
            check(False, "without the CA file the certificate is refused")
        except urllib.error.URLError as e:
            check(isinstance(e.reason, ssl.SSLCertVerificationError),
                  f"without the CA file the certificate is refused ({e.reason})")

        client = TeamClient(args.url, cafile=args.cacert)
        anonymous = client.request("GET", "/api/state")
        check(anonymous.status == 401, f"GET /api/state without a session through the proxy: {anonymous.status} (401 expected)")
        hsts = anonymous.header("strict-transport-security")
        check(hsts is not None and "max-age=" in hsts, f"HSTS sent: {hsts}")

        wrong = client.request("POST", "/api/login", {"name": args.name, "password": args.password + "x"}, csrf=False)
        check(wrong.status == 401, f"a wrong password: {wrong.status} (401 expected)")
        check(not client.cookies, f"a wrong password sets no session cookie ({client.cookies})")

        login = client.login(args.name, args.password)
        check(login.status == 200, f"POST /api/login through nginx over HTTPS: {login.status}")
        payload = login.json() if login.status == 200 else {}
        check(isinstance(payload.get("csrfToken"), str) and len(payload["csrfToken"]) >= 16,
              f"the login answers a csrfToken ({len(payload.get('csrfToken') or '')} characters)")
        check(isinstance(payload.get("user"), dict) and payload["user"].get("name") == args.name,
              f"the login answers the user: {payload.get('user')}")
        cookies = login.all("set-cookie")
        check(len(cookies) >= 1, f"the login sets a cookie ({len(cookies)})")
        for cookie in cookies:
            name = cookie.split("=", 1)[0]
            attributes = cookie_attributes(cookie)
            check(attributes.get("secure") is True, f"cookie {name} is Secure behind TLS")
            check(attributes.get("httponly") is True, f"cookie {name} is HttpOnly")
            check(str(attributes.get("samesite", "")).lower() == "strict", f"cookie {name} is SameSite=Strict")

        state = client.request("GET", "/api/state")
        check(state.status == 200, f"GET /api/state with the session through nginx: {state.status}")
        body = state.json() if state.status == 200 else {}
        check(isinstance(body.get("regions"), list) and len(body["regions"]) > 0 and body.get("edits") == [],
              f"the state of a fresh workspace: {len(body.get('regions') or [])} regions, edits {body.get('edits')}")

        # An edit: without the token refused, with it applied (through the proxy both ways).
        if body.get("regions"):
            schools = [s for s in body["map"]["schools"] if len(s["regions"]) == 1]
            school = schools[0]
            target = next(r["figures"]["id"] for r in body["regions"] if r["figures"]["id"] != school["regions"][0])
            edit = {"move": school["code"], "to": target}
            forged = client.request("POST", "/api/edits", edit, csrf=False)
            check(forged.status == 403, f"an edit without X-CSRF-Token: {forged.status} (403 expected)")
            # As the page sends it: its Origin is the proxy's https:// address, which regio must take for its own.
            page_origin = args.url.rstrip("/")
            applied = client.request("POST", "/api/edits", edit, headers={"Origin": page_origin})
            check(applied.status == 200 and applied.json().get("edits") == [edit],
                  f"an edit with the token and Origin {page_origin} through nginx: {applied.status}, "
                  f"edits {applied.json().get('edits') if applied.status == 200 else applied}")
            other = client.request("POST", "/api/undo", headers={"Origin": "https://regio.example.net"})
            check(other.status == 403, f"the same session's undo from another site's page: {other.status} (403 expected)")
            plain = client.request("POST", "/api/undo", headers={"Origin": page_origin.replace("https://", "http://", 1)})
            check(plain.status == 403, f"an Origin of http:// where the proxy speaks https://: {plain.status} (403 expected)")
        client.close()

        # The sign-in limit per client address: regio reads the address nginx appends to X-Forwarded-For, so
        # another client's failures (from 127.0.0.2) do not lock this one out, and no header the client sends
        # itself can move it to another address.
        other = TeamClient(args.url, cafile=args.cacert, source_address="127.0.0.2")
        failures = [other.request("POST", "/api/login", {"name": f"guess{i}", "password": "wrong"}, csrf=False).status
                    for i in range(5)]
        check(failures == [401] * 5, f"five failed sign-ins from 127.0.0.2, each another name: {failures}")
        locked = other.request("POST", "/api/login", {"name": "guess5", "password": "wrong"}, csrf=False)
        check(locked.status == 429, f"the sixth from 127.0.0.2 is refused for a while: {locked.status} (429 expected)")
        spoofed = other.request("POST", "/api/login", {"name": "guess6", "password": "wrong"}, csrf=False,
                                headers={"X-Forwarded-For": "192.0.2.7"})
        check(spoofed.status == 429, f"127.0.0.2 sending its own X-Forwarded-For is still that client: {spoofed.status} (429 expected)")
        other.close()
        again = TeamClient(args.url, cafile=args.cacert)
        relogin = again.login(args.name, args.password)
        check(relogin.status == 200, f"meanwhile the user signs in from 127.0.0.1: {relogin.status} (200 expected)")
        again.close()
    except Exception as error:  # a step that could not even be tried is a failure, with its reason
        check(False, f"{type(error).__name__}: {error}")

    return check.exit_code()


if __name__ == "__main__":
    sys.exit(main())
