"""Execute notebooks in place so they are committed with their outputs (the docs site shows them).

Cells flagged `#| slow` or `#| dev` are not run and keep no output (dev cells read the ImageNet dev photos,
which must never end up in a committed notebook); figures are drawn at a small resolution to keep the
repository lean. Afterwards run `nbdev_clean`.

    python tools/execute_nbs.py nbs/04_variants.ipynb [more.ipynb …]
"""
import argparse, os, re, sys, time
from pathlib import Path

from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from fastcore.xtras import working_directory

SKIP = re.compile(r'^#\|\s*(slow|dev)\b|^#\|\s*eval:\s*false', re.M)
SETUP = """%config InlineBackend.figure_formats = ['jpeg']
%config InlineBackend.print_figure_kwargs = {'bbox_inches': 'tight', 'pil_kwargs': {'quality': 80}}
%config InlineBackend.rc = {'figure.dpi': 60}
import matplotlib as _mpl; _mpl.rcParams['figure.dpi'] = 60
"""   # photos compress badly as PNG: JPEG at 60 dpi keeps a gallery figure near 100 KiB

def skipped(cell) -> bool:
    "True for cells that are not run: Markdown, `nbdev_export()`, and cells flagged slow, dev or `eval: false`."
    return cell.cell_type != 'code' or 'nbdev_export(' in cell.source or bool(SKIP.search(cell.source))

def execute(path: Path):
    "Run every non-skipped cell of the notebook at `path` and write it back with its outputs."
    nb = read_nb(path)
    for c in nb.cells:
        if c.cell_type == 'code': c.outputs, c.execution_count = [], None
    os.environ['IN_TEST'] = '1'
    shell = CaptureShell(path)
    sys.path.insert(0, str(path.resolve().parent.parent))
    t = time.time()
    with working_directory(path.parent):
        shell.run(SETUP)
        shell.run_all(nb, exc_stop=True, preproc=skipped)
    write_nb(nb, path)
    size = sum(len(str(c.get('outputs', ''))) for c in nb.cells if c.cell_type == 'code')
    print(f"{path.name}: {time.time() - t:.0f}s, outputs {size / 1024:.0f} KiB")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('notebooks', nargs='+', type=Path)
    files = p.parse_args().notebooks
    if len(files) == 1: execute(files[0])
    else:   # one process per notebook: IPython's inline backend keeps the first shell's settings for later shells
        import subprocess
        sys.exit(max(subprocess.run([sys.executable, __file__, str(f)]).returncode for f in files))
