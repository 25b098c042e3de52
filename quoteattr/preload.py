"""Imported by the forkserver that starts :func:`~quoteattr.extract_many`'s workers:
every pattern, word list and the sentence splitter built once in the server, so each
worker forked from it starts with them built. ``import quoteattr`` never imports it."""

from .batch import prepare

prepare()
