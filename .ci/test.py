"""Run the test suite: every notebook (nbdev's own `test_nb`, slow cells included unless --fast; `dev` cells,
which need the photos in shared/data, never),
README.md in sync with nbs/index.ipynb, the Quarto docs site (`make docs`; nbconvert where no Quarto exists), and pytest. Prints `N passed, N failed` for the notebooks."""
import argparse, difflib, os, re, subprocess, sys, time
from pathlib import Path

from fastcore.parallel import parallel
from nbdev.config import get_config
from nbdev.doclinks import nbglob
from nbdev.test import test_nb

ROOT = Path(__file__).resolve().parent.parent

def run_notebooks(fast: bool, workers: int) -> tuple:
    cfg = get_config()
    files = sorted(nbglob(cfg.nbs_path, as_path=True))
    skip = cfg.tst_flags.split()                 # slow: run by CI; dev: needs shared/data, run by hand (--flags dev)
    force = [] if fast else ['slow']
    os.chdir(cfg.nbs_path)
    threads = str(max(1, (os.cpu_count() or 1) // workers))   # notebooks run side by side: torch/OpenMP threads must not oversubscribe the cores
    for v in ('OMP_NUM_THREADS', 'MKL_NUM_THREADS', 'OPENBLAS_NUM_THREADS'): os.environ.setdefault(v, threads)
    t = time.time()
    res = parallel(test_nb, files, skip_flags=skip, force_flags=force, n_workers=workers, basepath=cfg.config_path, pause=0.01)
    for f, (ok, s) in zip(files, res): print(f"{'ok  ' if ok else 'FAIL'} {s:6.1f}s  {f.name}", flush=True)
    failed = [f.name for f, (ok, _) in zip(files, res) if not ok]
    print(f"notebooks: {len(files)} in {time.time() - t:.0f}s")
    return len(files) - len(failed), failed

def check_readme(have_quarto: bool) -> int:
    "README.md must be what `make readme` generates from nbs/index.ipynb (nbdev_readme); the committed file is left as it was."
    if not have_quarto:
        print("readme: no Quarto on this machine — README.md is NOT checked against nbs/index.ipynb"); return 0
    readme = ROOT/'README.md'
    before = readme.read_text(encoding='utf-8')
    res = subprocess.run(['make', '--no-print-directory', 'readme'], cwd=ROOT, capture_output=True, text=True)
    rc = res.returncode
    if rc: print(res.stderr[-3000:])
    after = readme.read_text(encoding='utf-8')
    readme.write_text(before, encoding='utf-8')
    if rc == 0 and after == before:
        print("readme: README.md matches nbs/index.ipynb"); return 0
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), 'README.md (committed)', 'README.md (from index.ipynb)', lineterm='', n=1)
    print("readme: README.md is out of sync with nbs/index.ipynb — edit the notebook and run `make readme`", *list(diff)[:40], sep='\n')
    return 1

def have_quarto() -> bool:
    "Quarto on PATH or installed from ../shared/quarto by `make quarto`."
    return subprocess.run(['make', '--no-print-directory', 'quarto'], cwd=ROOT).returncode == 0

def build_site() -> int:
    "The Quarto site via `make docs` (Quarto from PATH or ../shared/quarto); without Quarto, nbconvert renders every page."
    t = time.time()
    if have_quarto():
        res = subprocess.run(['make', '--no-print-directory', 'docs'], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        rc, pages = res.returncode, len(list((ROOT/'_docs').glob('*.html')))
        warnings = [l for l in res.stderr.splitlines() if re.search(r'\bWARN(ING)?\b|Warning:', l)]
        print(f"docs: Quarto site built in {time.time() - t:.0f}s, {pages} pages in _docs/, {len(warnings)} warnings"
              + ('' if rc == 0 and not warnings else ' — FAILED'), *warnings[:10], sep='\n')
        if rc: print(res.stderr[-3000:])
        return rc or bool(warnings)
    print("docs: no Quarto on this machine — the site is NOT built; nbconvert renders each page instead, the site's browser test is skipped")
    return subprocess.run([sys.executable, str(ROOT/'.ci'/'docs_check.py')]).returncode

def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('--fast', action='store_true', help="skip cells flagged #| slow")
    p.add_argument('--workers', type=int, default=2)
    a = p.parse_args()
    os.chdir(ROOT)
    passed, failed = run_notebooks(a.fast, a.workers)
    os.chdir(ROOT)
    docs = check_readme(have_quarto()) | build_site()
    py = subprocess.run([sys.executable, '-m', 'pytest', '-q', 'tests']).returncode if (ROOT/'tests').is_dir() else 5
    if failed: print('failed notebooks:', ', '.join(failed))
    if docs: print('docs check failed')
    if py not in (0, 5): print('pytest failed')
    print(f"{passed} passed, {len(failed)} failed")
    sys.exit(1 if failed or docs or py not in (0, 5) else 0)

if __name__ == '__main__': main()
