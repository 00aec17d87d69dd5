"""Lines a reader can take in: one statement per line, and code lines over 100 characters wrapped.

For every code cell of the notebooks given:

1. `a; b` becomes two lines, and `if x: a; b` a block (`if x: a` alone stays: the house style).
2. A long one-line statement's end-of-line comment moves onto its own line above it.
3. Lines still over 100 characters are wrapped by black (only those lines' statements), and the
   one-element-per-line runs black makes are filled back into lines of up to 100 characters.

Left alone: nbdev's `#|` directives, imports (nbdev makes only one-line imports relative), statements with
comments inside their brackets (docments parameter comments), long strings and docstrings (to be reworded by
hand), and cells that are not Python (magics). A cell is written only if it parses to the same syntax tree as
before, so the code does exactly what it did. Afterwards run `nbdev_export` and `nbdev_clean`.

    python tools/tidy_code.py nbs/*.ipynb
    python tools/tidy_code.py --split-strings nbs/16_cli.ipynb   # also split long strings (black's preview
                                                                  # string processing: read what it did)
"""
import ast, io, json, sys, tokenize

import black

LIMIT = 100
MODE = black.Mode(line_length=LIMIT, string_normalization=False, magic_trailing_comma=False,
                  target_versions={black.TargetVersion.PY310})
STRING_MODE = black.Mode(line_length=LIMIT, string_normalization=False, magic_trailing_comma=False,
                         target_versions={black.TargetVersion.PY310}, preview=True,
                         enabled_features={black.mode.Preview.string_processing})
BODIES = ('body', 'orelse', 'finalbody')


def _suites(tree):
    "(owner node, its list of statements) for every block in the tree."
    for node in ast.walk(tree):
        if isinstance(node, ast.match_case): continue              # no position to indent from
        for field in BODIES:
            stmts = getattr(node, field, None)
            if isinstance(stmts, list) and stmts and isinstance(stmts[0], ast.stmt): yield node, stmts


def _offset(lines: list, row: int, col: int) -> int:
    "Character offset in the source of an AST position (1-based row, UTF-8 byte column)."
    return sum(len(l) for l in lines[:row - 1]) + len(lines[row - 1].encode()[:col].decode())


def _chain_edits(src: str, tree) -> list:
    "(start, end, text) spans that put each `;`-chained statement on its own line."
    lines = src.splitlines(keepends=True)
    edits = []
    for node, stmts in _suites(tree):
        chained = [(a, b) for a, b in zip(stmts, stmts[1:]) if a.end_lineno == b.lineno]
        if not chained: continue
        first = stmts[0]
        inline = lines[first.lineno - 1].encode()[:first.col_offset].decode().strip() != ''
        indent = ' ' * (node.col_offset + 4 if inline else first.col_offset)
        if inline:                                                 # `if x: a; b`: the suite becomes a block
            if chained[0][0] is not first: continue
            start = _offset(lines, first.lineno, first.col_offset)
            edits.append((src.rindex(':', 0, start) + 1, start, '\n' + indent))
        for a, b in chained:
            edits.append((_offset(lines, a.end_lineno, a.end_col_offset),
                          _offset(lines, b.lineno, b.col_offset), '\n' + indent))
    return edits


def split_chains(src: str) -> str:
    "The cell's code with one statement per line."
    new = src
    for start, end, text in sorted(_chain_edits(src, ast.parse(src)), reverse=True):
        assert new[start:end].replace(';', '').strip() == '', new[start:end]
        new = new[:start] + text + new[end:]
    return '\n'.join(l.rstrip() for l in new.split('\n')) if new != src else src


def _tokens(body: str) -> list:
    "The cell's tokens, or [] where it does not tokenize."
    try: return list(tokenize.generate_tokens(io.StringIO(body).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError): return []


def _statements(toks: list):
    "(first row, last row, tokens) of each logical line."
    start, part = None, []
    for t in toks:
        if t.type in (tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING, tokenize.ENDMARKER): continue
        if start is None and t.type in (tokenize.NL, tokenize.COMMENT, tokenize.NEWLINE): continue
        if start is None: start, part = t.start[0], []
        part.append(t)
        if t.type == tokenize.NEWLINE:
            yield start, t.start[0], part
            start = None


def hoist_comments(body: str) -> str:
    "Move the end-of-line comment of a long one-line statement onto its own line above it."
    lines = body.split('\n')
    moves = []
    for first, last, part in _statements(_tokens(body)):
        comment = part[-2] if len(part) > 1 else None
        if first == last and comment and comment.type == tokenize.COMMENT and len(lines[first - 1]) > LIMIT:
            moves.append((first, comment.start[1]))
    for row, col in reversed(moves):
        line = lines[row - 1]
        lines[row - 1:row] = [_indent(line) + line[col:], line[:col].rstrip()]
    return '\n'.join(lines)


def _to_wrap(body: str) -> list:
    "Rows black may wrap: over LIMIT, not an import, not in a statement with comments inside its brackets."
    keep = set()
    for first, last, part in _statements(_tokens(body)):
        if any(t.type == tokenize.COMMENT and t.start[0] < last for t in part): keep |= set(range(first, last + 1))
    return [i for i, l in enumerate(body.split('\n'), 1) if len(l) > LIMIT and i not in keep
            and not l.lstrip().startswith(('from ', 'import '))]


def wrap_with_black(body: str) -> str:
    "Black on the long lines; where its line ranges fail on a cell, on each long line alone."
    rows = _to_wrap(body)
    if not rows: return body
    try: return black.format_str(body, mode=MODE, lines=[(r, r) for r in rows])
    except black.parsing.InvalidInput: pass
    tried = set()
    for _ in range(3 * len(rows)):                                # each try formats a line or gives it up
        todo = [r for r in _to_wrap(body) if body.split('\n')[r - 1] not in tried]
        if not todo: break
        tried.add(body.split('\n')[todo[0] - 1])
        try: body = black.format_str(body, mode=MODE, lines=[(todo[0], todo[0])])
        except black.parsing.InvalidInput: pass
    return body


def _indent(line: str) -> str: return line[:len(line) - len(line.lstrip())]


def _item(line: str) -> bool:
    "A line black made for one element of a split call or collection: balanced, ends with a comma, no comment."
    toks = _tokens(line.strip() + '\n')
    if not line.rstrip().endswith(',') or not toks or any(t.type == tokenize.COMMENT for t in toks): return False
    depth = 0
    for t in toks:
        depth += t.type == tokenize.OP and t.string in '([{'
        depth -= t.type == tokenize.OP and t.string in ')]}'
        if depth < 0: return False
    return depth == 0


def pack_items(body: str) -> str:
    "Fill the one-element-per-line runs black makes into lines of up to LIMIT characters."
    lines, out, i = body.split('\n'), [], 0
    while i < len(lines):
        indent, j = _indent(lines[i]), i
        while j < len(lines) and _item(lines[j]) and _indent(lines[j]) == indent: j += 1
        if j - i >= 2 and out and out[-1].rstrip().endswith(('(', '[', '{')):
            packed = indent + lines[i].strip()
            for item in (l.strip() for l in lines[i + 1:j]):
                if len(packed) + 1 + len(item) <= LIMIT: packed += ' ' + item
                else:
                    out.append(packed)
                    packed = indent + item
            out.append(packed)
            i = j
        else:
            out.append(lines[i])
            i += 1
    return '\n'.join(out)


def space_inline_suites(src: str) -> str:
    "`try:x` → `try: x` (black's line ranges drop the space after an inline suite's colon)."
    lines = src.split('\n')
    for row, col in sorted({(s[0].lineno, s[0].col_offset) for _, s in _suites(ast.parse(src))}, reverse=True):
        raw = lines[row - 1].encode()
        if col > 0 and raw[col - 1:col] == b':': lines[row - 1] = (raw[:col] + b' ' + raw[col:]).decode()
    return '\n'.join(lines)


def tidy(src: str) -> str:
    "A code cell with one statement per line and its long lines wrapped; the cell as it was if it is not Python."
    try: tree = ast.parse(src)
    except SyntaxError: return src
    lines = src.split('\n')
    head = 0
    while head < len(lines) and lines[head].startswith('#|'): head += 1    # black would write `# |`
    body = split_chains('\n'.join(lines[head:]))
    if not body.strip(): return src                                   # directives only
    hoisted = hoist_comments(body)
    wrapped = wrap_with_black(hoisted + '\n').rstrip('\n')
    body = space_inline_suites(pack_items(wrapped)) if wrapped != hoisted else hoisted   # after black only
    new = '\n'.join(lines[:head] + [body]) + ('\n' if src.endswith('\n') else '')
    if ast.dump(ast.parse(new)) != ast.dump(tree): return src          # never change what the code does
    return new


def tidy_notebook(path: str) -> int:
    "Tidy every code cell of the notebook at `path` in place; returns how many cells changed."
    nb = json.loads(open(path, encoding='utf-8').read())
    changed = 0
    for cell in nb['cells']:
        if cell['cell_type'] != 'code': continue
        src = ''.join(cell['source'])
        new = tidy(src)
        if new != src:
            cell['source'] = new.splitlines(keepends=True)
            changed += 1
    if changed:
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(nb, f, indent=1, ensure_ascii=False)
            f.write('\n')
    return changed


if __name__ == '__main__':
    if '--split-strings' in sys.argv: MODE = STRING_MODE       # long messages and help texts too (black's preview)
    for p in sys.argv[1:]:
        if not p.startswith('--'): print(f"{p}: {tidy_notebook(p)} cells tidied")
