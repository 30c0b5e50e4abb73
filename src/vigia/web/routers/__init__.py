"""The service's routes: ``health`` (``/healthz``) and ``api`` (``/api/v1``)."""
