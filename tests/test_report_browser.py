"""A report as its reader meets it: `bgimpact report` on a small demo run, opened in Debian's Chromium through Playwright
at 1400 px. It must be titled by the study, open with a table of contents whose every link lands on a section, show
its figures sharp (never wider than their pixels) and as wide as the page, name no machine path, and list the passes
that did not run once at the end instead of as empty sections. A full-page screenshot goes to tests/artifacts/."""
import shutil, subprocess
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).parent/'artifacts'
CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')

@pytest.fixture(scope='module')
def report(tmp_path_factory):
    d = tmp_path_factory.mktemp('report')
    run = d/'runs'/'demo'
    demo = subprocess.run(['bgimpact', 'demo', '--out', str(run), '--no-progress', '--limit', '4', '--variants',
                           'original,only_fg,no_fg,scene:sky'], capture_output=True, text=True)
    assert demo.returncode == 0, demo.stderr[-2000:]
    rep = subprocess.run(['bgimpact', 'report', str(run), '--no-progress'], capture_output=True, text=True)
    assert rep.returncode == 0, rep.stderr[-2000:]
    return run/'report.html'

def test_report_reads_well_in_a_browser(report):
    if CHROMIUM is None: pytest.fail("Chromium is not installed: `apt-get install chromium` (make test does it where it can)")
    from playwright.sync_api import sync_playwright
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=['--no-sandbox', '--disable-gpu'])
        pg = browser.new_page(viewport=dict(width=1400, height=900))
        try:
            pg.goto(report.as_uri(), wait_until='load')
            h1 = pg.locator('h1').all_inner_texts()
            toc = pg.eval_on_selector_all('a[href^="#"]:not(.anchor-link)', 'els => els.map(e => e.getAttribute("href"))')
            missing = pg.evaluate('hs => hs.filter(h => !document.getElementById(decodeURIComponent(h.slice(1))))', toc)
            imgs = pg.eval_on_selector_all('img', 'els => els.map(e => [e.naturalWidth, e.clientWidth])')
            body_width = pg.evaluate('document.querySelector(".jp-Notebook, body").clientWidth')
            text = pg.locator('body').inner_text()
            pg.screenshot(path=str(ARTIFACTS/'report.png'), full_page=True)
        finally: browser.close()
    assert len(h1) == 1 and h1[0].startswith('How much does lite0 rely on the background?'), h1
    assert len(toc) >= 5 and not missing, f"contents links without a section: {missing}"
    assert imgs and all(shown <= natural + 1 for natural, shown in imgs), f"figures shown wider than their pixels: {imgs}"
    wide = [shown for natural, shown in imgs if natural >= 1300]
    assert wide and min(wide) >= .7 * body_width, f"wide figures not at the page's width ({body_width} px): {imgs}"
    assert str(report.parent) not in text and str(Path.home()) not in text, "a machine path in the report"
    assert text.count('Not computed') == 2 and 'bgimpact cluster' in text          # the contents link and the one list
