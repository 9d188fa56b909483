#!/usr/bin/env python3
"""Loads the map page (`regio map --language nl`, a file) and the planning page (`regio serve --language nl`,
a URL) in headless Chromium, over the DevTools protocol, and checks that they speak Dutch: the page's `lang`,
Dutch labels from strings.js (in the HTML and made by the script), Dutch plurals, and numbers formatted the
Dutch way (1.234, € 2.199.000, 12,5 %). No console errors.

    python check_page_language.py --html build/map-nl.html --url http://127.0.0.1:8080/

Exit code 0 when every check passes, 1 when one fails, 2 when Chromium or websocket-client is missing.
"""
import argparse
import os
import pathlib
import re
import shutil
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from check_serve import LoopbackBrowser  # noqa: E402  (headless Chromium that reaches 127.0.0.1 only)
from checklist import Checklist  # noqa: E402  (ok/FAIL lines and the exit code)
from serve_page import ServePage  # noqa: E402  (js and wait on the page)

# A Dutch percentage: a decimal comma and a space before the sign ("12,5 %").
DUTCH_SHARE = r"\d{1,3},\d %"
# A Dutch amount: "€ ", thousands grouped with points ("€ 2.199.000").
DUTCH_EURO = r"€ \d{1,3}(\.\d{3})+"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", required=True, help="the map page written with --language nl")
    parser.add_argument("--url", required=True, help="the planning page served with --language nl")
    parser.add_argument("--screenshot", default="build/serve-nl.png", help="the planning page in Dutch, for a person to look at")
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    args = parser.parse_args()
    if not shutil.which(args.chromium) and not os.path.exists(args.chromium):
        print("check_page_language: chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2
    check = Checklist("check_page_language")

    browser = LoopbackBrowser(args.chromium, 1440, 900)
    try:
        # Evaluating and polling as serve_page does (a navigation in between is waited out, not an error).
        page = ServePage(browser)
        js, wait = page.js, page.wait

        def open_page(address):
            browser.send("Page.navigate", url=address)
            wait("document.readyState === 'complete' && document.body.classList.contains('ready')", address)

        def text(selector):
            return js(f"document.querySelector({selector!r})?.innerText ?? null")

        for domain in ("Page", "Runtime"):
            browser.send(f"{domain}.enable")

        # ---- the map page
        open_page(pathlib.Path(args.html).resolve().as_uri())
        check(js("document.documentElement.lang") == "nl", "map page: <html lang=\"nl\">")
        check(text("[data-mode=share]") == "technisch aandeel", f"map page: the colour button reads 'technisch aandeel' ({text('[data-mode=share]')!r})")
        check(js("document.querySelector('#legend-box summary').textContent") == "Legenda", "map page: the legend is 'Legenda'")
        summary = text("#summary") or ""
        check(re.search(r"\d+ scholen · ", summary) is not None and re.search(r"\d+ (fout|fouten) · ", summary) is not None,
              f"map page: the summary counts in Dutch ({summary[:70]!r})")
        shares = js("Array.from(document.querySelectorAll('#region-list .share')).map(e => e.textContent)")
        dutch = [s for s in shares if re.match("^" + DUTCH_SHARE, s)]
        check(shares and len(dutch) == len([s for s in shares if "%" in s]) and dutch,
              f"map page: {len(dutch)} shares with a decimal comma ({shares[0]!r})")
        check(js("document.getElementById('filter').placeholder").startswith("Filter: id, naam"), "map page: the filter's placeholder in Dutch")

        # ---- the planning page
        open_page(args.url)
        check(js("document.documentElement.lang") == "nl", "planning page: <html lang=\"nl\">")
        check(text("#save-button") == "Bewaren", f"planning page: the save button reads 'Bewaren' ({text('#save-button')!r})")
        summary = text("#summary") or ""
        check(re.search(r"\d+ scholen · ", summary) is not None, f"planning page: the summary counts 'scholen' ({summary[:60]!r})")
        check(re.search(DUTCH_EURO, summary) is not None, f"planning page: the budget as € 1.234.567 ({summary!r})")
        check(re.search(r" van \d{1,3}(\.\d{3})+ leerlingen technisch", summary) is not None,
              "planning page: the pupils counted with Dutch thousands")
        share = text("#region-list .fig-share") or ""
        check(re.fullmatch(DUTCH_SHARE, share) is not None, f"planning page: the first region's share {share!r}")
        check(text("#findings h2").startswith("Bevindingen"), "planning page: the findings are 'Bevindingen'")
        browser.screenshot(args.screenshot)
        print(f"     screenshot {args.screenshot}")
        errors = [e for e in browser.events if e["method"] == "Runtime.exceptionThrown"
                  or (e["method"] == "Runtime.consoleAPICalled" and e["params"].get("type") in ("error", "assert"))]
        check(errors == [], f"no console errors {errors[:1] if errors else ''}")
    except Exception as error:  # a step that could not even be tried is a failure, with its reason
        check(False, f"{type(error).__name__}: {error}")
    finally:
        browser.close()

    return check.exit_code()


if __name__ == "__main__":
    sys.exit(main())
