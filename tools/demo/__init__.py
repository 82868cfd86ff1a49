"""``hatch run demo``: the orders example service driven through a scripted scenario.

``hatch run demo --serve``: the same service over HTTP, with Swagger UI, until Ctrl-C.
"""
