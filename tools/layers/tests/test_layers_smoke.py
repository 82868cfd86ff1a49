"""Each layer, as Lambda runs it: unzipped into an empty /opt stand-in, imported by the real
runtime interface client (awslambdaric) in a fresh interpreter whose sys.path holds only the
standard library, the layer, the runtime's own packages (boto3 and awslambdaric) and the
handler's folder, invoked through a local Lambda Runtime API.

Importing every public name of each utility the layer fully carries proves it holds all it
needs: a dependency missing from the zip fails here, not in a user's function.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tools.layers.spec import HEAVY, host_platform, layers

ARCH, PYTHON = host_platform()
RUNTIME_PACKAGES = ("boto3", "awslambdaric")
HEAVY_OF = {
    "powertools.parser": "pydantic",
    "powertools.tracer": "aws-xray-sdk",
    "powertools.validation": "fastjsonschema",
}
assert set(HEAVY_OF.values()) == HEAVY

HANDLER = """
import importlib
import json
import os

MODULES = json.loads(os.environ["SMOKE_MODULES"])
SHALLOW = json.loads(os.environ["SMOKE_SHALLOW"])  # utilities whose heavy dependency this layer leaves out
loaded = {}
for module_name in MODULES:
    module = importlib.import_module(module_name)
    names = [] if module_name in SHALLOW else module.__all__
    loaded[module_name] = [getattr(module, name) and name for name in names]

if "powertools.logger" in MODULES:
    from powertools.logger import Logger

    logger = Logger(service="smoke")

    @logger.inject_lambda_context
    def handler(event, context):
        logger.info("layer works", modules=len(loaded))
        return {"modules": sorted(loaded), "names": sum(len(v) for v in loaded.values()), "echo": event}
else:
    def handler(event, context):
        return {"modules": sorted(loaded), "names": sum(len(v) for v in loaded.values()), "echo": event}
"""


def _runtime_dir(target: Path) -> Path:
    """The packages the Lambda runtime itself provides: boto3 and the runtime client, with their dependencies."""
    from powertools_testing.wheelhouse import requirement_closure

    target.mkdir()
    for name in sorted(requirement_closure(*RUNTIME_PACKAGES)):
        dist = importlib.metadata.distribution(name)
        root = Path(str(dist.locate_file("")))
        for file in dist.files or ():
            top = file.parts[0]
            if ".." in file.parts or (target / top).exists():
                continue
            source = root / top
            if source.exists():
                (target / top).symlink_to(source)
    return target


@pytest.fixture(scope="module")
def runtime_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _runtime_dir(tmp_path_factory.mktemp("runtime") / "var-runtime")


@pytest.mark.parametrize("layer_name", [layer.name for layer in layers()])
def test_layer_runs_under_the_lambda_runtime_client(
    layer_name: str, built, runtime_dir: Path, lambda_runtime_api, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    out, layers_built = built
    (layer,) = [b for b in layers_built if b.name == layer_name]
    opt = tmp_path / "opt"
    with zipfile.ZipFile(out / layer.file) as archive:
        archive.extractall(opt)
    task = tmp_path / "task"
    task.mkdir()
    (task / "smoke_handler.py").write_text(HANDLER)
    modules = sorted(
        "powertools." + name.removeprefix("powertools-").replace("-", "_")
        for name in layer.packages
        if name.startswith("powertools-")
    )
    # In the combined layer, parser, tracer and validation import, but their first use needs
    # pydantic / aws-xray-sdk / fastjsonschema from the extras layer.
    shallow = [m for m, dependency in HEAVY_OF.items() if m in modules and dependency not in layer.packages]
    assert (layer_name == "combined") == bool(shallow)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": os.pathsep.join([str(task), str(opt / "python"), str(runtime_dir)]),
        "AWS_LAMBDA_RUNTIME_API": lambda_runtime_api.address,
        "AWS_LAMBDA_FUNCTION_NAME": "smoke",
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "256",
        "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/smoke",
        "AWS_LAMBDA_LOG_STREAM_NAME": "2026/12/05/[$LATEST]smoke",
        "AWS_REGION": "us-east-1",
        "AWS_DEFAULT_REGION": "us-east-1",
        "LAMBDA_TASK_ROOT": str(task),
        "_HANDLER": "smoke_handler.handler",
        "SMOKE_MODULES": json.dumps(modules),
        "SMOKE_SHALLOW": json.dumps(shallow),
        "PYTHONUNBUFFERED": "1",
    }
    # -S: no site-packages of this environment; only PYTHONPATH's three folders beside the stdlib.
    process = subprocess.Popen(
        [sys.executable, "-S", "-m", "awslambdaric", "smoke_handler.handler"],
        env=env,
        cwd=task,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        invocation = lambda_runtime_api.invoke({"order": 1}, timeout=60)
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=10)
    assert lambda_runtime_api.init_errors == [], output
    assert invocation.error is None, f"{invocation.error}\n{output}"
    assert invocation.response["modules"] == modules
    assert invocation.response["echo"] == {"order": 1}
    assert invocation.response["names"] > 0
    if "powertools.logger" in modules:
        records = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
        (record,) = [r for r in records if r.get("message") == "layer works"]
        assert record["level"] == "INFO"
        assert record["service"] == "smoke"
        assert record["function_name"] == "smoke"
        assert record["function_request_id"] == invocation.request_id
        assert record["cold_start"] is True
        assert record["modules"] == len(modules)
