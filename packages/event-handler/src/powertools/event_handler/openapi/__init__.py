"""Request/response validation and OpenAPI documents for the HTTP resolvers.

Users import from the submodules, as with upstream: ``openapi.params`` (Query, Path, Header,
Cookie, Body, Form, File), ``openapi.exceptions``, ``openapi.models``. Importing this package
loads nothing; pydantic is imported by ``params``/``models`` and by the validation middleware.
"""
