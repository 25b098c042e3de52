"""Import builds none of the word-list patterns; each is built when first used (issue 15)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import regex
sizes = []
real = regex.compile
def counting(pattern, flags=0, *args, **kwargs):
    sizes.append(len(pattern) if isinstance(pattern, str) else 0)
    return real(pattern, flags, *args, **kwargs)
regex.compile = counting
import quoteattr
from quoteattr import patterns
print(max(sizes, default=0), sum(f.cache_info().currsize for f in patterns._BUILDERS.values()))
quoteattr.extract('"Fine," said Ann Lee.')
built = [n for n, f in patterns._BUILDERS.items() if f.cache_info().currsize]
print(len(built), len(patterns._BUILDERS))
"""


def test_import_compiles_no_word_list_pattern_and_extract_builds_only_some() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    largest, built_at_import = map(int, out[0].split())
    assert largest < 2_000  # the word-list patterns are tens of KB of source
    assert built_at_import == 0
    built, total = map(int, out[1].split())
    assert 0 < built < total  # a short text pays only for the patterns it needs


def test_build_all_compiles_every_pattern_once() -> None:
    """A process about to fork workers builds every pattern, so that none is compiled
    again in a worker (each builder is cached: a second call builds nothing)."""
    from quoteattr import patterns

    patterns.build_all()
    builders = patterns._BUILDERS.values()
    assert builders and all(b.cache_info().currsize == 1 for b in builders)  # type: ignore[attr-defined]
