"""Offline docs check (Quarto is not installable here): process the notebooks the way
`nbdev_docs` would (`nbdev.serve.proc_nbs`), then render each with nbconvert's HTMLExporter."""
import sys

if __name__ == '__main__':
    from nbconvert import HTMLExporter
    from nbdev.config import get_config
    from nbdev.serve import proc_nbs
    cfg = get_config()
    proc_nbs(cfg.nbs_path, n_workers=0, force=True)
    proc = cfg.config_path/'_proc'
    out = cfg.config_path/'_docs_check'; out.mkdir(exist_ok=True)
    pages, bad = 0, []
    for nb in sorted(proc.glob('*.ipynb')):
        try:
            body, _ = HTMLExporter().from_filename(str(nb))
            (out/f'{nb.stem}.html').write_text(body); pages += 1
        except Exception as e: bad.append(f'{nb.name}: {e}')
    print(f"docs check: {pages} pages rendered to {out.name}/" + (f", {len(bad)} failed" if bad else ''))
    for b in bad: print('  ', b)
    sys.exit(1 if bad or not pages else 0)
