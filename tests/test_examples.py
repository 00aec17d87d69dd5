"The example study configs load, and their variants are valid for the scenes they name."
from pathlib import Path

import pytest

from bgimpact.core import Config
from bgimpact.variants import expand_variants

EXAMPLES = sorted((Path(__file__).parents[1]/'examples').glob('*.yaml'))

@pytest.mark.parametrize('path', EXAMPLES, ids=lambda p: p.stem)
def test_example_config(path):
    cfg = Config.from_yaml(path)
    scenes = {v.split(':', 1)[1]: None for v in cfg.variants if v.startswith('scene:')}
    names = expand_variants(cfg.variants, scenes, cfg.fill)
    assert names[0] == 'original' and len(names) == len(set(names))

def test_seed_study_is_the_seed():
    cfg = Config.from_yaml(Path(__file__).parents[1]/'examples'/'seed_study.yaml')
    assert len(cfg.variants) == 13 and cfg.segmenter == 'deeplabv3'        # original + 12 modifications
    assert cfg.models == ['resnet50:IMAGENET1K_V1@256/224', 'convnext_base:IMAGENET1K_V1@256/224']
