"""The output side: what Vigía hands to other tools and to people.

The JSON contract of extraction (``contract.py``, shared/spec/extraction.md) and the CSV layout of
facts (``fact_csv.py``) live here; the regional report, country profiles and charts of issue 9 will
join them. Nothing upstream imports this package.
"""
