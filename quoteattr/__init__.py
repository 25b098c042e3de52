"""quoteattr: find the quotations in English text and say who said each one.

>>> from quoteattr import extract
>>> [(q.text, q.speaker) for q in extract('"We will win," Jane Smith said.')]
[('We will win,', 'Jane Smith')]
"""

from .batch import extract_many
from .evaluate import evaluate
from .explain import explain
from .frame import extract_frame
from .identity import Speakers
from .model import Extraction, Quote, Speaker
from .pipeline import extract

__version__ = "0.1.0"

__all__ = ["Extraction", "Quote", "Speaker", "Speakers", "__version__", "evaluate", "explain",
           "extract", "extract_frame", "extract_many"]
