"""Make the built docs site link to its own pages locally.

nbdev links every backticked name of the package to its page under the site's public address (`doc_host` +
`doc_baseurl` in settings.ini). Every page sits at the site's root, so those links become relative: the site
works where it was built (`_docs/`, offline, or any host) and never sends a reader elsewhere for a page it has.

    python tools/localize_links.py _docs
"""
import re, sys
from pathlib import Path

from nbdev.config import get_config

def localize(site: Path) -> int:
    "Rewrite `href`s to the public address of the site's own pages as relative links; the number rewritten."
    cfg = get_config()
    public = re.escape(f"{cfg.doc_host.rstrip('/')}{cfg.doc_baseurl.rstrip('/')}/")
    pattern = re.compile(rf'href="{public}')
    n = 0
    for page in site.rglob('*.html'):
        text = page.read_text(encoding='utf-8')
        new, k = pattern.subn('href="', text)
        if k: page.write_text(new, encoding='utf-8')
        n += k
    return n

if __name__ == '__main__':
    site = Path(sys.argv[1] if len(sys.argv) > 1 else '_docs')
    print(f"localize_links: {localize(site)} links to the site's own pages made relative in {site}")
