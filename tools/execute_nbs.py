"""Execute notebooks in place so they are committed with their outputs (the docs site shows them).

Cells flagged `#| slow` or `#| dev` are not run and keep no output (dev cells read the ImageNet dev photos,
which must never end up in a committed notebook). Figures are stored at twice the density they are shown at: drawn
at 192 dpi, each output says to show it at half its pixel width (96 CSS px per inch, so a 7-inch figure fills the
text column), which keeps text sharp on any screen. Each is kept as PNG (charts: lossless and small) or as JPEG
when that is less than half the size (photos). Afterwards run `nbdev_clean`.

    python tools/execute_nbs.py nbs/04_variants.ipynb [more.ipynb …]
"""
import argparse, os, re, sys, time
from pathlib import Path

from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from fastcore.xtras import working_directory

SKIP = re.compile(r'^#\|\s*(slow|dev)\b|^#\|\s*eval:\s*false', re.M)
DPI, DENSITY = 192, 2   # pixels per inch drawn; pixels per CSS pixel shown
SETUP = f"""%config InlineBackend.figure_formats = ['png']
%config InlineBackend.print_figure_kwargs = {{'bbox_inches': 'tight', 'dpi': {DPI}}}
import matplotlib as _mpl; _mpl.rcParams['font.size'] = 13   # labels near the 16 px body text at 96 CSS px per inch
"""

def skipped(cell) -> bool:
    "True for cells that are not run: Markdown, `nbdev_export()`, and cells flagged slow, dev or `eval: false`."
    return cell.cell_type != 'code' or 'nbdev_export(' in cell.source or bool(SKIP.search(cell.source))

def _as_jpeg(png: bytes) -> bytes:
    "The image as JPEG (quality 80)."
    import io
    from PIL import Image
    buf = io.BytesIO()
    with Image.open(io.BytesIO(png)) as im: im.convert('RGB').save(buf, 'JPEG', quality=80)
    return buf.getvalue()

def _as_palette_png(png: bytes) -> bytes:
    "The image as an optimised PNG of at most 256 colours (a chart loses nothing visible)."
    import io
    from PIL import Image
    buf = io.BytesIO()
    with Image.open(io.BytesIO(png)) as im: im.convert('RGB').quantize(256).save(buf, 'PNG', optimize=True)
    return buf.getvalue()

def show_at_density(nb) -> int:
    "Give every image output its display width (pixel width / `DENSITY`), as JPEG where that halves a PNG; the number of images."
    import base64, io
    from PIL import Image
    n = 0
    for c in nb.cells:
        for o in c.get('outputs', []):
            for mime in [m for m in o.get('data', {}) if m in ('image/jpeg', 'image/png')]:
                data = base64.b64decode(o['data'][mime])
                with Image.open(io.BytesIO(data)) as im: width = im.width
                if mime == 'image/png' and len(jpeg := _as_jpeg(data)) < len(data) / 2:   # a photo: JPEG
                    del o['data'][mime]
                    mime = 'image/jpeg'
                    o['data'][mime] = base64.b64encode(jpeg).decode()
                elif mime == 'image/png' and len(small := _as_palette_png(data)) < len(data):   # a chart: fewer colours
                    o['data'][mime] = base64.b64encode(small).decode()
                o.setdefault('metadata', {})[mime] = {'width': width // DENSITY}
                n += 1
    return n

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
    show_at_density(nb)
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
