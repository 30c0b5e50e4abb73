"""The values Vigía's records take: where a fact, a mapping, a recommendation or a job is in its
workflow, the rubric's ratings, and which numbers can name a record.

Shared by every stage and edge, like :mod:`vigia.domain`; the database enforces the same values
with CHECK constraints (:mod:`vigia.store.models`).
"""

from __future__ import annotations

#: Where a fact is in its review (revision 0003): extracted facts are ``proposed``; only
#: ``published`` ones are shown to everybody.
PROPOSED = "proposed"
CONFIRMED = "confirmed"
CORRECTED = "corrected"
REJECTED = "rejected"
PUBLISHED = "published"
FACT_STATUSES = (PROPOSED, CONFIRMED, CORRECTED, REJECTED, PUBLISHED)

#: Where an area mapping is in its review: as the rules proposed it, accepted, moved by a
#: reviewer to another area (``original_area`` keeps where the rules had put it), or dismissed
#: as evidence for no area at all.
MAPPING_STATUSES = ("proposed", "accepted", "moved", "dismissed")
#: The rubric's ratings, strongest first (``data/rubric.json`` describes them).
RATINGS = ("substantial_evidence", "some_evidence", "mentioned_only", "no_information")
RECOMMENDATION_STATUSES = ("draft", "adopted", "withdrawn")
#: What became of an adopted recommendation by a later meeting.
FOLLOW_UP_STATUSES = ("implemented", "in_progress", "not_started", "no_information")

#: Where an extraction job is: waiting, being run, finished with a document, or failed.
JOB_STATUSES = ("queued", "running", "done", "failed")

#: The largest id an INTEGER primary key holds: a larger number names no record.
LARGEST_ID = 2**31 - 1


def is_row_id(value: object) -> bool:
    """Whether ``value`` can be the id of a record: a whole number from 1 to :data:`LARGEST_ID`."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= LARGEST_ID


#: Where a yearly statistics form stands: being filled, sent by the focal point, approved (locked).
FORM_STATUSES = ("draft", "submitted", "approved")
#: How a statistics value came in: typed in the form, imported from a CSV file, sent to the API.
VALUE_SOURCES = ("form", "csv", "api")
