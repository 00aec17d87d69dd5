"""Build `bgimpact/assets/in9_wordnet.csv`: ImageNet-1k index → ImageNet-9 class by WordNet 3.0 hyponymy.

ImageNet-9 (Xiao et al., 2020) groups ImageNet classes under nine WordNet synsets. Its official
`in_to_in9.json` ships as the label map `in9` (`bgimpact/assets/in_to_in9.json`); this script
derives the grouping from WordNet 3.0 itself (the `data.noun` file of Debian's `wordnet-base`
package, WordNet 3.0) for the label map `in9-wordnet`, kept for comparison:

    apt-get download wordnet-base && dpkg-deb -x wordnet-base_*.deb wn
    python tools/make_in9_table.py wn/usr/share/wordnet/data.noun

A class belongs to the first of the nine synsets (in ImageNet-9's order) among its hypernyms, so
dogs are `dog`, not `carnivore`. The result maps 386 indices; the official table maps 370 (the
paper's per-class counts are 116/52/42/36/35/27/26/20/16, ours 118/59/44/36/40/27/26/20/16;
`nbs/02b_labels.ipynb` lists the 16 indices that differ).
"""
import csv, sys
from pathlib import Path

IN9 = [('dog', 'n02084071'), ('bird', 'n01503061'), ('wheeled vehicle', 'n04576211'), ('reptile', 'n01661091'),
       ('carnivore', 'n02075296'), ('insect', 'n02159955'), ('musical instrument', 'n03800933'),
       ('primate', 'n02469914'), ('fish', 'n02512053')]

def hypernyms(data_noun: Path) -> dict:
    "offset → hypernym offsets (class and instance hypernyms) from a WordNet `data.noun` file."
    out = {}
    for line in open(data_noun, encoding='latin-1'):
        if line.startswith('  '): continue                       # licence header
        f = line.split(' | ')[0].split()
        i = 4 + 2 * int(f[3], 16)
        ptrs = f[i + 1:i + 1 + 4 * int(f[i])]
        out[f[0]] = [ptrs[k + 1] for k in range(0, len(ptrs), 4) if ptrs[k] in ('@', '@i') and ptrs[k + 2] == 'n']
    return out

def ancestors(off: str, up: dict) -> set:
    seen, todo = set(), [off]
    while todo:
        for h in up.get(todo.pop(), []):
            if h not in seen: seen.add(h); todo.append(h)
    return seen

if __name__ == '__main__':
    up = hypernyms(Path(sys.argv[1]))
    root = Path(__file__).resolve().parents[1]
    classes = list(csv.DictReader(open(root/'bgimpact/assets/imagenet_classes.csv')))
    rows = []
    for c in classes:
        a = ancestors(c['wnid'][1:], up) | {c['wnid'][1:]}
        k = next((k for k, (_, w) in enumerate(IN9) if w[1:] in a), -1)
        rows.append((int(c['idx']), k, IN9[k][0] if k >= 0 else ''))
    with open(root/'bgimpact/assets/in9_wordnet.csv', 'w', newline='') as f:
        w = csv.writer(f); w.writerow(['idx', 'in9', 'in9_name']); w.writerows(rows)
    print(f"{sum(k >= 0 for _, k, _ in rows)} mapped of {len(rows)}")
