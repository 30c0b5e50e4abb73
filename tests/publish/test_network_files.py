"""The network as GraphML and CSV: vigia.publish.network_files."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ElementTree

from vigia.evaluate.network import Network, NetworkLink, StateRole
from vigia.publish.network_files import GRAPHML_NAMESPACE, graphml, links_csv

FOUND = Network(
    meeting="RTP-III",
    links=[
        NetworkLink("CAN", "GTM", "funding", "RTP-III", 1, "Canada funds <projects> in Guatemala."),
        NetworkLink("CAN", "SLV", "funding", "RTP-III", 1, '=HYPERLINK("x") and El Salvador.'),
    ],
    roles=[StateRole("GTM", "destination", "RTP-III", 1, "Guatemala is a destination.")],
)


def test_graphml_has_a_node_per_state_and_an_edge_per_link() -> None:
    root = ElementTree.fromstring(graphml(FOUND, "es"))
    ns = {"g": GRAPHML_NAMESPACE}
    nodes = {node.get("id"): node for node in root.iterfind(".//g:node", ns)}
    edges = root.findall(".//g:edge", ns)

    assert root.find("g:graph", ns).get("edgedefault") == "directed"  # type: ignore[union-attr]
    assert list(nodes) == ["CAN", "GTM", "SLV"]
    assert nodes["CAN"].findtext("g:data[@key='degree']", namespaces=ns) == "2"
    assert nodes["GTM"].findtext("g:data[@key='roles']", namespaces=ns) == "destination"
    assert nodes["CAN"].findtext("g:data[@key='name']", namespaces=ns) == "Canadá"
    assert [(e.get("source"), e.get("target")) for e in edges] == [("CAN", "GTM"), ("CAN", "SLV")]
    assert edges[0].findtext("g:data[@key='sentence']", namespaces=ns) == (
        "Canada funds <projects> in Guatemala."
    )


def test_csv_has_a_row_per_link_and_no_formula() -> None:
    rows = list(csv.reader(io.StringIO(links_csv(FOUND))))
    assert rows[0] == ["source", "target", "kind", "meeting", "document_id", "sentence"]
    assert rows[1][:4] == ["CAN", "GTM", "funding", "RTP-III"]
    assert rows[2][5].startswith("'=HYPERLINK")
