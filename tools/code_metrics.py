"""How easy the code is to take in, measured over a project's notebooks and modules (issue 32's table).

For each nbdev project given (a folder with `settings.ini`, or one with `nbs/`), it reads the notebooks and the
exported modules and prints one column per project:

- exported cell lines (median / p90 / max) and exported cells over 40 lines;
- mean line length of exported code, lines over 100 and over 120 characters, and `;`-chained statements (Python
  tokens, so not the JavaScript a widget carries in a string) per 1,000 lines;
- function length in the modules (median / p90 / max), in lines and in statements (which wrapping does not
  change), from the syntax tree;
- test/example cell lines (code cells that are not exported, hidden or the export call);
- mean docstring length of the modules' functions and classes.

    python tools/code_metrics.py .                      # this project
    python tools/code_metrics.py . ../fastcore ../nbdev  # beside the anchors (their clones)
"""
import ast, configparser, io, json, re, statistics, sys, tokenize
from pathlib import Path

def _nbs_and_lib(root: Path) -> tuple:
    "The notebooks folder and the library folder of an nbdev project."
    ini = configparser.ConfigParser()
    ini.read(root/'settings.ini')
    d = ini['DEFAULT'] if 'DEFAULT' in ini else {}
    nbs = root/d.get('nbs_path', 'nbs')
    lib = root/d.get('lib_path', d.get('lib_name', root.name))
    return nbs, lib

def _cells(nbs: Path) -> list:
    "(kind, source) of every code cell: kind is 'export', 'test' or 'other' (hidden or the export call)."
    out = []
    for nb in sorted(nbs.rglob('*.ipynb')):
        if '.ipynb_checkpoints' in nb.parts: continue
        for c in json.loads(nb.read_text(encoding='utf-8'))['cells']:
            if c['cell_type'] != 'code': continue
            src = ''.join(c['source'])
            flags = ' '.join(l for l in src.splitlines() if l.startswith('#|'))
            kind = ('export' if re.search(r'#\|\s*export', flags) else
                    'other' if re.search(r'#\|\s*hide', flags) or 'nbdev_export' in src else 'test')
            out.append((kind, src))
    return out

def _code_lines(src: str) -> list: return [l for l in src.splitlines() if l.strip() and not l.startswith('#|')]

def _semicolons(src: str) -> int:
    "Statements chained with `;` in a cell: `;` tokens of Python code (not in strings or comments)."
    try: return sum(t.type == tokenize.OP and t.string == ';'
                    for t in tokenize.generate_tokens(io.StringIO(src).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError): return 0   # magics, shell lines: not Python

def _stats(v: list) -> str:
    if not v: return '—'
    v = sorted(v)
    return f"{statistics.median(v):g} / {v[int(.9 * (len(v) - 1))]:g} / {v[-1]:g}"

def _functions(lib: Path) -> tuple:
    "Lengths of every function (lines, and statements: a measure layout does not change) and docstring (characters)."
    lengths, sizes, docs = [], [], []
    for py in sorted(lib.rglob('*.py')):
        if py.name.startswith('_'): continue
        try: tree = ast.parse(py.read_text(encoding='utf-8'))
        except SyntaxError: continue
        for n in ast.walk(tree):
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lengths.append(n.end_lineno - n.lineno + 1)
                sizes.append(sum(isinstance(s, ast.stmt) for s in ast.walk(n)) - 1)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and (d := ast.get_docstring(n)):
                docs.append(len(d))
    return lengths, sizes, docs

def measure(root) -> dict:
    "The table's rows for one project."
    root = Path(root)
    nbs, lib = _nbs_and_lib(root)
    cells = _cells(nbs)
    exported = [_code_lines(s) for k, s in cells if k == 'export']
    chains = sum(_semicolons(s) for k, s in cells if k == 'export')
    tests = [len(_code_lines(s)) for k, s in cells if k == 'test']
    lines = [l for c in exported for l in c]
    per_k = lambda n: f"{1000 * n / max(len(lines), 1):.1f}"
    fn, statements, docs = _functions(lib)
    return {'exported cell lines, median / p90 / max': _stats([len(c) for c in exported]),
            'exported cells over 40 lines': str(sum(len(c) > 40 for c in exported)),
            'mean line length (exported code)': f"{statistics.mean(len(l) for l in lines):.0f}" if lines else '—',
            'lines over 100 characters, per 1,000': per_k(sum(len(l) > 100 for l in lines)),
            'lines over 120 characters, per 1,000': per_k(sum(len(l) > 120 for l in lines)),
            '`;`-chained statements, per 1,000 lines': per_k(chains),
            'function length in the modules, median / p90 / max': _stats(fn),
            'function size in statements, median / p90 / max': _stats(statements),
            'test/example cell lines, median / p90 / max': _stats(tests),
            'mean docstring length (characters)': f"{statistics.mean(docs):.0f}" if docs else '—'}

def table(roots: list) -> str:
    "The measurements as a Markdown table, one column per project."
    cols = {Path(r).resolve().name: measure(r) for r in roots}
    rows = ['| | ' + ' | '.join(cols) + ' |', '|---|' + '---|' * len(cols)]
    for k in next(iter(cols.values())): rows.append(f"| {k} | " + ' | '.join(c[k] for c in cols.values()) + ' |')
    return '\n'.join(rows)

if __name__ == '__main__':
    print(table(sys.argv[1:] or ['.']))
