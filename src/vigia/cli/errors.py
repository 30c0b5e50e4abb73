"""How commands fail: one line on standard error and an exit status that says what went wrong.

- 0: done;
- 1: a runtime problem: a database that cannot be opened, lacks Vigía's schema or fails, a port
  already taken (:class:`click.ClickException`);
- 2: input Vigía refuses: an unknown option value, country, indicator, meeting, plan or user, a
  file that cannot be read (:class:`InputError`, and click's own usage errors).
"""

from __future__ import annotations

import click


class InputError(click.ClickException):
    """Input Vigía refuses: one line on standard error, exit status 2."""

    exit_code = 2
