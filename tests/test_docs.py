"The docs sidebar lists every notebook exactly once, grouped by stage."
from pathlib import Path

import yaml

NBS = Path(__file__).parents[1]/'nbs'

def _entries(items):
    for it in items:
        if isinstance(it, dict): yield from _entries(it.get('contents', []))
        else: yield it

def test_sidebar_lists_every_notebook():
    side = yaml.safe_load((NBS/'sidebar.yml').read_text())['website']['sidebar']['contents']
    listed = list(_entries(side))
    assert sorted(listed) == sorted(p.name for p in NBS.glob('*.ipynb')) and len(listed) == len(set(listed))
