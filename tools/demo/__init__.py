"""``hatch run demo``: the orders example service driven through a scripted scenario."""
