"""The README shows what the demo prints: its demo block must be what `bgimpact demo` prints now, numbers and layout
(only the seconds a run took may differ). The block comes from the executed `nbs/index.ipynb` (`make readme`)."""
import re, subprocess
from pathlib import Path

README = Path(__file__).parents[1]/'README.md'

def readme_demo_block() -> list:
    "The lines of the README's demo output: the indented block that starts with `bgimpact run: runs/demo`."
    lines = README.read_text(encoding='utf-8').splitlines()
    start = next(i for i, l in enumerate(lines) if l.strip() == 'bgimpact run: runs/demo')
    indent = len(lines[start]) - len(lines[start].lstrip())
    block = []
    for l in lines[start:]:
        if l.strip() and not l.startswith(' ' * indent): break
        block.append(l[indent:])
    return _without_timing(block)

def _without_timing(lines: list) -> list:
    "Lines with the run's duration masked and trailing blank lines dropped."
    lines = [re.sub(r'; \d+(\.\d+)? s$', '; … s', l.rstrip()) for l in lines]
    while lines and not lines[-1]: lines.pop()
    return lines

def test_readme_demo_block_is_what_the_demo_prints(tmp_path):
    r = subprocess.run(['bgimpact', 'demo', '--no-progress'], cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    printed = _without_timing(r.stdout.splitlines())
    assert readme_demo_block() == printed, "README.md's demo block is stale: re-execute nbs/index.ipynb and run `make readme`"

def test_demo_block_parser_masks_only_the_duration():
    assert _without_timing(['  7 images; 4.8 s', 'top-1 71.4%', '']) == ['  7 images; … s', 'top-1 71.4%']
