"Docs checks: the sidebar lists every notebook once, grouped by stage; Markdown cells are real Markdown with one title per notebook."
import json
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

def _markdown(nb: Path) -> list:
    return [''.join(c['source']) for c in json.loads(nb.read_text(encoding='utf-8'))['cells'] if c['cell_type'] == 'markdown']

def _outside_fences(text: str) -> list:
    "Lines of Markdown that are not inside a ``` code fence."
    out, fenced = [], False
    for line in text.splitlines():
        if line.lstrip().startswith('```'): fenced = not fenced
        elif not fenced: out.append(line)
    return out

def test_markdown_cells_are_markdown():
    "No Markdown cell has every line starting with `#` (each would render as a heading)."
    bad = [f'{nb.name}: {src[:60]!r}' for nb in sorted(NBS.glob('*.ipynb')) for src in _markdown(nb)
           if len([l for l in src.splitlines() if l.strip()]) > 1 and all(l.startswith('#') for l in src.splitlines() if l.strip())]
    assert not bad, bad

def test_one_title_per_notebook():
    "Each notebook has exactly one H1 (its title); sections are H2 and below."
    counts = {nb.name: sum(l.startswith('# ') for src in _markdown(nb) for l in _outside_fences(src)) for nb in NBS.glob('*.ipynb')}
    assert all(n == 1 for n in counts.values()), {k: n for k, n in counts.items() if n != 1}

def _outputs(nb: Path) -> list:
    return [o for c in json.loads(nb.read_text(encoding='utf-8'))['cells'] if c['cell_type'] == 'code' for o in c.get('outputs', [])]

def test_committed_outputs_stay_small():
    "Notebooks keep their outputs for the docs, within budget: ≤ 512 KiB per notebook (figures at twice the density they are shown at), ≤ 4 MiB in all."
    sizes = {nb.name: len(json.dumps(_outputs(nb))) for nb in NBS.glob('*.ipynb')}
    big = {k: f'{v / 1024:.0f} KiB' for k, v in sizes.items() if v > 512 * 1024}
    assert not big, big
    assert sum(sizes.values()) < 4 * 1024**2, f'{sum(sizes.values()) / 1024**2:.1f} MiB'

def test_outputs_show_no_machine_paths():
    "Committed outputs print no absolute path of the machine that made them."
    bad = [nb.name for nb in NBS.glob('*.ipynb') for o in _outputs(nb)
           if any(p in json.dumps(o) for p in ('/work/', '/tmp/', '/home/', '/root/', 'C:\\\\'))]
    assert not bad, bad

def test_tutorial_is_executed():
    "The tutorial is committed executed: every visible code cell has its output (figures included); a cell of imports prints nothing."
    cells = [c for c in json.loads((NBS/'92_first_study.ipynb').read_text(encoding='utf-8'))['cells'] if c['cell_type'] == 'code']
    shown = [c for c in cells if not ''.join(c['source']).startswith('#| hide')]
    imports = lambda c: all(l.startswith(('import ', 'from ')) for l in ''.join(c['source']).splitlines() if l.strip())
    assert shown and all(c.get('outputs') for c in shown if not imports(c))
    assert sum('image/jpeg' in o.get('data', {}) or 'image/png' in o.get('data', {}) for c in shown for o in c['outputs']) >= 4

def test_page_names_are_distinct():
    "nbdev names a page after its notebook without the number (`12_cluster` → `cluster.html`): no two notebooks may share one."
    names = {}
    for nb in NBS.glob('*.ipynb'):
        head, _, rest = nb.stem.partition('_')
        names.setdefault(rest if rest and head.rstrip('abcdefgh').isdigit() else nb.stem, []).append(nb.name)
    clashes = {k: v for k, v in names.items() if len(v) > 1}
    assert not clashes, clashes
