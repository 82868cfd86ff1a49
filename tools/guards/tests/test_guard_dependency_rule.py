"""A utility imports powertools.common, the stdlib and its declared dependencies — nothing else."""

import pytest

from tools.guards.packages import Package, imports_of, is_stdlib, utilities

UTILITIES = utilities()


@pytest.mark.parametrize("package", UTILITIES, ids=lambda p: p.distribution)
def test_no_cross_utility_or_undeclared_imports(package: Package) -> None:
    allowed_third_party = package.allowed_third_party()
    problems = []
    for path in sorted(package.src.rglob("*.py")):
        for line, module in imports_of(path):
            parts = module.split(".")
            where = f"{path.relative_to(package.directory)}:{line} imports {module}"
            if parts[0] == "powertools":
                target = parts[1] if len(parts) > 1 else ""
                if target not in {package.module, "common"}:
                    problems.append(f"{where}: a utility may import only powertools.common and itself")
                elif (
                    target == "common"
                    and package.module != "common"
                    and "powertools-common" not in package.requirements
                ):
                    problems.append(f"{where}: powertools-common is not declared")
            elif not is_stdlib(parts[0]) and parts[0] not in allowed_third_party:
                problems.append(f"{where}: {parts[0]!r} is not declared in pyproject.toml")
    assert problems == []


def test_the_guard_sees_every_package() -> None:
    assert "powertools-common" in {p.distribution for p in UTILITIES}
