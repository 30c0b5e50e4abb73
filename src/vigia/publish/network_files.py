"""The cooperation network as files: GraphML (for Gephi, yEd, NetworkX) and CSV (one link a row).

graphml(found)  # <graphml …><graph edgedefault="directed"> a node per state, an edge per link
links_csv(found)  # source,target,kind,meeting,document_id,sentence
"""

from __future__ import annotations

import csv
import io
from xml.sax.saxutils import escape, quoteattr

from vigia.evaluate.network import Network
from vigia.languages import country_name
from vigia.publish.fact_csv import inert_cell

GRAPHML_NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
#: The attributes of nodes and of edges: (id, for, name, type).
KEYS = (
    ("name", "node", "name", "string"),
    ("roles", "node", "roles", "string"),
    ("degree", "node", "degree", "int"),
    ("kind", "edge", "kind", "string"),
    ("meeting", "edge", "meeting", "string"),
    ("document", "edge", "document_id", "int"),
    ("sentence", "edge", "sentence", "string"),
)
CSV_COLUMNS = ("source", "target", "kind", "meeting", "document_id", "sentence")


def graphml(found: Network, language: str = "en") -> str:
    """``found`` as a directed GraphML graph: a node per state (its name in ``language``, its
    roles, how many links it has), an edge per link from the state that gives."""
    roles: dict[str, list[str]] = {}
    for role in found.roles:
        roles.setdefault(role.country, [])
        if role.role not in roles[role.country]:
            roles[role.country].append(role.role)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<graphml xmlns="{GRAPHML_NAMESPACE}">',
        *(
            f'  <key id="{key}" for="{target}" attr.name="{name}" attr.type="{kind}"/>'
            for key, target, name, kind in KEYS
        ),
        f'  <graph id={quoteattr(found.meeting or "all")} edgedefault="directed">',
    ]
    for state in found.states:
        lines += [
            f"    <node id={quoteattr(state)}>",
            f'      <data key="name">{escape(country_name(state, language))}</data>',
            f'      <data key="roles">{escape(",".join(roles.get(state, [])))}</data>',
            f'      <data key="degree">{found.degree(state)}</data>',
            "    </node>",
        ]
    for number, link in enumerate(found.links, start=1):
        ends = f"source={quoteattr(link.source)} target={quoteattr(link.target)}"
        lines += [
            f'    <edge id="e{number}" {ends}>',
            f'      <data key="kind">{escape(link.kind)}</data>',
            f'      <data key="meeting">{escape(link.meeting or "")}</data>',
            f'      <data key="document">{link.document_id}</data>',
            f'      <data key="sentence">{escape(" ".join(link.sentence.split()))}</data>',
            "    </edge>",
        ]
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines)


def links_csv(found: Network) -> str:
    """``found``'s links, one a row, with a header; cells that a spreadsheet would read as a
    formula are quoted with a leading apostrophe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for link in found.links:
        row = (link.source, link.target, link.kind, link.meeting or "", link.document_id)
        writer.writerow([*row, inert_cell(" ".join(link.sentence.split()))])
    return out.getvalue()
