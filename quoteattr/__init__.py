"""quoteattr: find the quotations in English text and say who said each one.

>>> from quoteattr import extract
>>> [(q.text, q.speaker) for q in extract('"We will win," Jane Smith said.')]
[('We will win,', 'Jane Smith')]

The public names are loaded on first use, so ``import quoteattr`` (and ``quoteattr
--help``) costs nothing beyond Python's own start-up; the first ``extract`` loads the
pipeline.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# named as their modules are: bound here, or the module would shadow the function once
# imported (both are light: no pipeline, no nltk)
from .evaluate import evaluate
from .explain import explain

if TYPE_CHECKING:
    from .batch import extract_many
    from .frame import extract_frame
    from .identity import Speakers
    from .model import Extraction, Quote, Speaker
    from .pipeline import extract

__version__ = "0.1.0"

#: where each public name lives
_HOMES = {"extract": "pipeline", "extract_many": "batch", "extract_frame": "frame",
          "Speakers": "identity",
          "Extraction": "model", "Quote": "model", "Speaker": "model"}

__all__ = ["Extraction", "Quote", "Speaker", "Speakers", "__version__", "evaluate", "explain",
           "extract", "extract_frame", "extract_many"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'quoteattr' has no attribute {name!r}")
    return getattr(import_module(f".{home}", __name__), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
