"Architecture checks: the package's modules import each other without cycles, and only modules of earlier notebooks."
import ast, json, re, tokenize
from pathlib import Path

ROOT = Path(__file__).parents[1]
PKG, NBS = ROOT/'bgimpact', ROOT/'nbs'

def notebook_of() -> dict:
    "Module name → the notebook that exports it."
    found = {}
    for nb in sorted(NBS.glob('*.ipynb')):
        for c in json.loads(nb.read_text(encoding='utf-8'))['cells']:
            m = re.match(r'#\|\s*default_exp\s+(\S+)', ''.join(c['source']))
            if m: found[m.group(1)] = nb.stem
    return found

def imports_of(path: Path, modules: set) -> set:
    "The package modules a module imports anywhere in its code (top level or inside functions)."
    deps = set()
    for n in ast.walk(ast.parse(path.read_text(encoding='utf-8'))):
        if isinstance(n, ast.ImportFrom):
            if n.level == 1: deps |= {n.module.split('.')[0]} if n.module else {a.name for a in n.names}
            elif n.module and n.module.startswith('bgimpact.'): deps.add(n.module.split('.')[1])
            elif n.module == 'bgimpact': deps |= {a.name for a in n.names}
        elif isinstance(n, ast.Import):
            deps |= {a.name.split('.')[1] for a in n.names if a.name.startswith('bgimpact.')}
    return (deps & modules) - {path.stem}

def graph() -> dict:
    modules = {p.stem for p in PKG.glob('*.py') if not p.stem.startswith('_')}
    return {m: imports_of(PKG/f'{m}.py', modules) for m in sorted(modules)}

def test_every_module_comes_from_a_notebook():
    assert set(graph()) <= set(notebook_of()), set(graph()) - set(notebook_of())

def test_no_import_cycles():
    "Depth-first search for a back edge: any cycle among the package's modules fails, and is named."
    g, state, cycles = graph(), {}, []
    def visit(m, path):
        state[m] = 'open'
        for d in sorted(g[m]):
            if state.get(d) == 'open': cycles.append(path[path.index(d):] + [d])
            elif d not in state: visit(d, path + [d])
        state[m] = 'done'
    for m in g:
        if m not in state: visit(m, [m])
    assert not cycles, cycles

def test_imports_follow_notebook_order():
    "A module imports only modules exported by notebooks that come before its own (the list of notebooks is the architecture)."
    nb, g = notebook_of(), graph()
    upward = sorted(f'{m} ({nb[m]}) imports {d} ({nb[d]})' for m, ds in g.items() for d in ds if nb[d] > nb[m])
    assert not upward, upward

def test_one_statement_per_line():
    "No `;`-chained statements in the package's code (`tools/tidy_code.py` splits them); a widget's JavaScript string may have them."
    chained = []
    for py in sorted(PKG.glob('*.py')):
        with open(py, encoding='utf-8') as f:
            toks = tokenize.generate_tokens(f.readline)
            chained += [f'{py.name}:{t.start[0]}' for t in toks if t.type == tokenize.OP and t.string == ';']
    assert not chained, chained

def test_notebooks_are_valid():
    "Every notebook follows the nbformat schema (a cell typed `md` instead of `markdown` stops the docs build)."
    import nbformat
    for nb in sorted(NBS.glob('*.ipynb')): nbformat.validate(nbformat.read(nb, as_version=4))
