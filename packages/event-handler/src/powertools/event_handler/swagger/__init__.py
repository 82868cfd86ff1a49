"""Swagger UI for a resolver's OpenAPI document: ``app.enable_swagger(path="/swagger")``.

The page loads Swagger UI from a CDN unless ``swagger_base_url`` points elsewhere (or the
packaged assets are installed); ``<path>?format=json`` serves the document itself.
"""
