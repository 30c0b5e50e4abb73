"""``python -m vigia.cli``: the same as the ``vigia`` command."""

from vigia.cli import main

main()
