"""The mask editor widget in a real browser: JupyterLab started on loopback, Debian's Chromium driven by Playwright
(its executable path set, no browser download). It opens a notebook with the widget on a run's flagged image, clicks
a segment, saves, and checks the mask written into the run. A screenshot goes to tests/artifacts/."""
import json, os, secrets, shutil, socket, subprocess, sys, time, urllib.request
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

ARTIFACTS = Path(__file__).parent/'artifacts'
CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')

def _notebook(path: Path, run: Path):
    src = ["from bgimpact.widget import MaskEditorWidget\n", f"w = MaskEditorWidget.for_run(r'{run}', n_segments=30, zoom=4)\n", "w"]
    nb = dict(cells=[dict(cell_type='code', execution_count=None, id='editor', metadata={}, outputs=[], source=src)],
              metadata=dict(kernelspec=dict(display_name='Python 3', language='python', name='python3')), nbformat=4, nbformat_minor=5)
    path.write_text(json.dumps(nb))

def _free_port() -> int:
    with socket.socket() as s: s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

def _wait_for(url: str, seconds: float = 90):
    end = time.time() + seconds
    while time.time() < end:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200: return
        except OSError: time.sleep(.5)
    raise TimeoutError(f"JupyterLab did not answer at {url} within {seconds} s")

def test_click_a_segment_and_save(tmp_path):
    if CHROMIUM is None:
        pytest.fail("Chromium is not installed: `apt-get install chromium` (make test does it where it can)")
    from playwright.sync_api import sync_playwright
    from bgimpact.editor import flagged_demo_run, open_in_run
    run = flagged_demo_run(tmp_path)
    _notebook(tmp_path/'edit.ipynb', run)
    expected = open_in_run(run, 'n02123045/c.png', 'slic', n_segments=30)          # the segments the widget will show
    target = (32, 32); expected = expected.labels == expected.segment_at(*target)
    port, token = _free_port(), secrets.token_hex(16)
    env = os.environ | dict(JUPYTER_RUNTIME_DIR=str(tmp_path/'rt'), JUPYTERLAB_WORKSPACES_DIR=str(tmp_path/'ws'), IPYTHONDIR=str(tmp_path/'ipy'))
    server = subprocess.Popen([sys.executable, '-m', 'jupyterlab', '--no-browser', '--ip=127.0.0.1', f'--port={port}',
                               f'--IdentityProvider.token={token}', f'--ServerApp.root_dir={tmp_path}', '--allow-root'],
                              env=env, stdout=subprocess.DEVNULL, stderr=open(tmp_path/'jupyter.log', 'w'))
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        _wait_for(f'http://127.0.0.1:{port}/api/status?token={token}')
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=['--no-sandbox', '--disable-gpu'])
            page = browser.new_page(viewport=dict(width=1300, height=900))
            try:
                page.goto(f'http://127.0.0.1:{port}/lab/tree/edit.ipynb?token={token}')
                page.wait_for_selector('.jp-Notebook .jp-Cell .cm-content', timeout=90_000)
                page.wait_for_selector('text=Python 3 (ipykernel) | Idle', timeout=90_000)   # the kernel is up: run the cell
                page.click('.jp-Notebook .jp-Cell .cm-content')
                page.keyboard.press('Shift+Enter')
                canvas = page.wait_for_selector('.bgimpact-editor canvas', timeout=120_000)
                page.wait_for_function("() => document.querySelector('.bgimpact-editor .bgi-status').textContent.includes('n02123045/c.png')", timeout=60_000)
                box = canvas.bounding_box()
                page.mouse.click(box['x'] + (target[1] + .5) * box['width'] / 64, box['y'] + (target[0] + .5) * box['height'] / 64)
                page.wait_for_function("() => document.querySelector('.bgimpact-editor .bgi-status').textContent.includes('1 edits')", timeout=30_000)
                page.click('.bgimpact-editor button:text-is("Save")')
                page.wait_for_function("() => document.querySelector('.bgimpact-editor .bgi-status').textContent.includes('saved')", timeout=30_000)
            finally:
                page.screenshot(path=str(ARTIFACTS/'editor_widget.png'))
                browser.close()
    finally:
        server.terminate(); server.wait(30)
    from bgimpact.segment import MaskCache
    saved = np.asarray(Image.open(MaskCache(run/'masks'/'masks').path('n02123045/c.png'))) >= 128
    assert saved.any() and np.array_equal(saved, expected), "the saved mask is not the clicked segment"
    assert len(list((run/'shards').glob('*.redo.json'))) == 1      # the image is marked for recomputation
