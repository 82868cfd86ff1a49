"""AppSync GraphQL direct Lambda resolvers: the router, its registry and its errors.

Users import ``AppSyncResolver`` from ``powertools.event_handler`` (or ``.appsync``) and
``Router`` from ``powertools.event_handler.appsync`` or ``.graphql_appsync.router``.
"""
