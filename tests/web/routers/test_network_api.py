"""The network API: /api/v1/network, .graphml and .csv (vigia.web.routers.who_can_help)."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from fastapi.testclient import TestClient

from tests.web.conftest import Stored, bearer


def test_the_network_as_json_graphml_and_csv(client: TestClient, stored: Stored) -> None:
    secretariat = bearer(stored.secretariat)
    data = client.get("/api/v1/network", headers=secretariat).json()
    graph = client.get("/api/v1/network.graphml", headers=secretariat)
    table = client.get("/api/v1/network.csv", headers=secretariat)
    public = client.get("/api/v1/network").json()

    assert [(link["source"], link["target"]) for link in data["links"]] == [("EXA", "SMP")] * 2
    assert data["states"] == ["EXA", "SMP"]
    assert len(public["links"]) == 1  # the published document's only
    assert graph.headers["content-type"].startswith("application/graphml+xml")
    assert len(ElementTree.fromstring(graph.content).findall(".//{*}edge")) == 2
    lines = table.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "source,target,kind,meeting,document_id,sentence" and len(lines) == 3
