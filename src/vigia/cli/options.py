"""Option callbacks shared by commands: values checked against the reference data.

A value that fails is a usage error (exit status 2) listing the valid values, the closest first,
as the API's 422 answers do.
"""

from __future__ import annotations

import click

from vigia.reference import check_country, check_indicator


def checked_country(
    _context: click.Context, _parameter: click.Parameter, value: str | None
) -> str | None:
    """A ``--country`` callback: the code upper-cased, or a usage error listing valid codes."""
    if value is None:
        return None
    try:
        return check_country(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from error


def checked_indicator(
    _context: click.Context, _parameter: click.Parameter, value: str | None
) -> str | None:
    """An ``--indicator`` callback: a catalogue name, or a usage error listing the closest."""
    if value is None:
        return None
    try:
        return check_indicator(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from error
