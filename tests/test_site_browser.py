"""The built docs site (`make docs` → `_docs/`) in a real browser: served on loopback, opened in Debian's Chromium
through Playwright. The index, the guide, the command reference, the tutorial and stage pages must each have one H1,
a sidebar that lists every notebook, highlighted code, images that load and are never shown larger than they are,
formulas rendered (MathML, no script from a CDN), links to the site's own pages that stay in the site, and no
console errors; the search index must exist.
Screenshots go to tests/artifacts/. Skipped, with the reason printed, only when the site was not built (no Quarto)."""
import configparser, functools, http.server, json, shutil, threading
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
SITE = ROOT/'_docs'
ARTIFACTS = Path(__file__).parent/'artifacts'
CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')
_ini = configparser.ConfigParser()
_ini.read(ROOT/'settings.ini')
DOC_SITE = _ini['DEFAULT']['doc_host'].rstrip('/') + _ini['DEFAULT']['doc_baseurl'].rstrip('/') + '/'   # the public copy of these pages
PAGES = ['index', 'guide', 'commands', 'first_study', 'variants', 'metrics', 'cli', 'report_runner']

def _page_name(nb: Path) -> str:
    "nbdev's page name of a notebook: the file stem without its number prefix."
    stem = nb.stem
    return stem.split('_', 1)[1] if stem.split('_', 1)[0].rstrip('abcdefgh').isdigit() else stem

@pytest.fixture(scope='module')
def site_url():
    if not (SITE/'index.html').exists(): pytest.skip("the docs site is not built (no Quarto here): run `make docs`")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(SITE))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f'http://127.0.0.1:{server.server_address[1]}'
    server.shutdown()

def test_search_index_lists_every_page():
    if not (SITE/'index.html').exists(): pytest.skip("the docs site is not built (no Quarto here): run `make docs`")
    entries = json.loads((SITE/'search.json').read_text())
    hrefs = {e['href'].split('#')[0] for e in entries}
    missing = [n for n in (_page_name(p) + '.html' for p in (ROOT/'nbs').glob('*.ipynb')) if n not in hrefs]
    assert not missing, f"pages not in the search index: {missing}"

@pytest.mark.parametrize('page', PAGES)
def test_page(site_url, page):
    if CHROMIUM is None: pytest.fail("Chromium is not installed: `apt-get install chromium` (make test does it where it can)")
    from playwright.sync_api import sync_playwright
    ARTIFACTS.mkdir(exist_ok=True)
    errors = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=['--no-sandbox', '--disable-gpu'])
        pg = browser.new_page(viewport=dict(width=1300, height=900))
        local = lambda url: url.startswith(site_url)           # MathJax & co. come from a CDN, unreachable offline
        pg.on('console', lambda m: m.type == 'error' and local(m.location.get('url', '')) and 'Failed to load resource' not in m.text
              and errors.append(m.text))
        pg.on('requestfailed', lambda r: local(r.url) and errors.append(f'failed: {r.url}'))
        pg.on('response', lambda r: local(r.url) and r.status >= 400 and errors.append(f'{r.status}: {r.url}'))
        try:
            pg.goto(f'{site_url}/{page}.html', wait_until='load')
            pg.wait_for_timeout(500)
            h1 = pg.locator('h1').all_inner_texts()
            links = pg.eval_on_selector_all('#quarto-sidebar a[href]', 'els => els.map(e => e.getAttribute("href"))')
            highlighted = pg.locator('div.sourceCode pre code span').count()
            broken = pg.eval_on_selector_all('main img', 'els => els.filter(e => !(e.complete && e.naturalWidth > 0)).map(e => e.src)')
            blown_up = pg.eval_on_selector_all('main img', 'els => els.filter(e => e.clientWidth > e.naturalWidth + 1)'
                                                          '.map(e => `${e.src.slice(-40)}: ${e.naturalWidth} px shown at ${e.clientWidth}`)')
            unrendered = pg.eval_on_selector_all('span.math', 'els => els.filter(e => !e.querySelector("math")).map(e => e.textContent)')
            tex_left = [t for t in pg.locator('main').all_inner_texts() if '$$' in t or '\\frac' in t]
            own = pg.eval_on_selector_all('a[href]', 'els => els.map(e => e.getAttribute("href"))')
            pg.screenshot(path=str(ARTIFACTS/f'site_{page}.png'), full_page=False)
        finally: browser.close()
    assert len(h1) == 1, f"{page}: H1 headings {h1}"
    linked = {Path(h.split('#')[0]).name for h in links}
    stages = [_page_name(p) + '.html' for p in (ROOT/'nbs').glob('*.ipynb') if p.stem != 'index']
    missing = [n for n in stages if n not in linked]
    assert not missing, f"{page}: the sidebar lacks {missing}"
    if page not in ('index', 'commands'): assert highlighted > 0, f"{page}: no highlighted code"   # commands: output, not code
    assert not broken, f"{page}: images that do not load: {broken}"
    assert not blown_up, f"{page}: images shown larger than their pixels: {blown_up}"
    assert not unrendered and not tex_left, f"{page}: formulas left as TeX: {unrendered[:3]} {[t[:80] for t in tex_left]}"
    leaving = [h for h in own if h.startswith(DOC_SITE)]
    assert not leaving, f"{page}: {len(leaving)} links to the site's own pages leave the built site, e.g. {leaving[:3]}"
    assert not errors, f"{page}: errors {errors}"
