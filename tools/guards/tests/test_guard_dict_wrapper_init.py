"""Every event wrapper in the repository builds the same object through wrap_section as through its constructor.

``wrap_section`` skips ``DictWrapper.__init__`` for speed; a subclass with its own ``__init__``
must still get it called (powertools.common.dict_wrapper).
"""

import importlib
import pkgutil


def test_every_dict_wrapper_subclass_in_the_repo_wraps_like_its_constructor():
    import powertools.common.events as common_events
    import powertools.data_classes as data_classes
    from powertools.common.dict_wrapper import DictWrapper, wrap_section

    for package in (common_events, data_classes):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(info.name)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    checked = 0
    for cls in set(subclasses(DictWrapper)):
        if not cls.__module__.startswith("powertools."):
            continue
        try:
            expected = cls({})
        except Exception:
            assert cls.__init__ is not DictWrapper.__init__, cls
            continue
        assert wrap_section(cls, {}) == expected, cls
        checked += 1
    assert checked > 100
