"""Checks of the installed package as users get it: console script, packaged assets."""
import subprocess
from pathlib import Path

def test_console_script_help():
    r = subprocess.run(['bgimpact', '--help'], capture_output=True, text=True)
    assert r.returncode == 0 and 'demo' in r.stdout and 'run' in r.stdout

def test_console_script_reports_errors_with_exit_code(tmp_path):
    r = subprocess.run(['bgimpact', 'run', '--data', str(tmp_path/'missing'), '--out', str(tmp_path/'o')], capture_output=True, text=True)
    assert r.returncode == 2 and 'Dataset not found' in r.stderr and 'Traceback' not in r.stderr

def test_assets_ship_with_the_package():
    import bgimpact.data, bgimpact.segment
    from bgimpact.core import sha256_file
    assets = Path(bgimpact.data.__file__).parent/'assets'
    assert sha256_file(assets/'u2netp.onnx') == bgimpact.segment.U2NETP_SHA256
    assert len(bgimpact.data.imagenet_classes()) == 1000

def test_build_prints_no_metadata_warnings(tmp_path):
    "Building the package warns about nothing in its own metadata (licence classifiers, undeclared packages such as bgimpact.assets)."
    import sys
    root = Path(__file__).parents[1]
    cmd = [sys.executable, 'setup.py', '-q', 'egg_info', '--egg-base', str(tmp_path), 'build', '--build-base', str(tmp_path/'build'),
           'bdist_wheel', '--dist-dir', str(tmp_path/'dist'), '--bdist-dir', str(tmp_path/'bdist')]
    r = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    tooling = ('byte-compiling is disabled', 'setup.py install is deprecated')      # the build tool's own notes, not our metadata
    warnings = [l for l in (r.stdout + r.stderr).splitlines() if 'warn' in l.lower() and not any(t in l for t in tooling)]
    assert r.returncode == 0 and list((tmp_path/'dist').glob('*.whl')), r.stderr[-2000:]
    assert not warnings, warnings
