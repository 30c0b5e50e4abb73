"""Vigía: follow-up of the Work Plan against Trafficking in Persons in the Western Hemisphere."""

__version__ = "0.1.0"
