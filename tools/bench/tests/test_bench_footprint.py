import pytest

from tools.bench.footprint import Environment, FootprintError, measure


def _dist(site, name, version, requires=(), extras=(), files=None):
    info = site / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    lines = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"]
    lines += [f"Provides-Extra: {extra}" for extra in extras]
    lines += [f"Requires-Dist: {requirement}" for requirement in requires]
    (info / "METADATA").write_text("\n".join(lines) + "\n")
    record = []
    for relative, size in (files or {}).items():
        path = site / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * size)
        record.append(f"{relative},,{size}")
    (info / "RECORD").write_text("\n".join(record) + "\n")


@pytest.fixture
def site(tmp_path):
    _dist(
        tmp_path,
        "app",
        "1.0",
        requires=["lib>=1", 'heavy; extra == "full"', "boto3>=1"],
        extras=["full"],
        files={"app/__init__.py": 100, "app/__pycache__/__init__.cpython-311.pyc": 5000},
    )
    _dist(tmp_path, "lib", "1.0", requires=["app"], files={"lib.py": 20})  # a cycle back to app
    _dist(tmp_path, "heavy", "2.0", files={"heavy/core.py": 3000})
    _dist(tmp_path, "boto3", "1.0", requires=["botocore"], files={"boto3/__init__.py": 999_999})
    return tmp_path


def test_closure_counts_source_bytes_and_skips_runtime_provided(site):
    footprint = measure(Environment([str(site)]), [("app", frozenset())])

    assert footprint.bytes == 120  # app source + lib; no bytecode, no boto3
    assert footprint.distributions == ("app==1.0", "lib==1.0")


def test_extras_bring_their_requirements(site):
    footprint = measure(Environment([str(site)]), [("App", frozenset({"full"}))])

    assert footprint.bytes == 3120
    assert footprint.distributions == ("app==1.0", "heavy==2.0", "lib==1.0")


def test_missing_requirement_is_named(tmp_path):
    _dist(tmp_path, "app", "1.0", requires=["ghost"])

    with pytest.raises(FootprintError, match="ghost is required"):
        measure(Environment([str(tmp_path)]), [("app", frozenset())])
