"""The gazetteer index is the same on every machine: its build must not follow the hash seed."""

import os
import subprocess
import sys

import pytest

BUILD_AND_HASH = (
    "import hashlib, pickle\n"
    "from counterclaim.analyze.gazetteer_build import build\n"
    "print(hashlib.md5(pickle.dumps(tuple(build()), protocol=pickle.HIGHEST_PROTOCOL))"
    ".hexdigest())\n"
)


@pytest.mark.slow
def test_index_build_does_not_depend_on_the_hash_seed():
    digests = set()
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", BUILD_AND_HASH], capture_output=True,
                              text=True, env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        digests.add(done.stdout.strip())
    assert len(digests) == 1 and len(next(iter(digests))) == 32
