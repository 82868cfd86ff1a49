import subprocess

from tools.bench import coldstart
from tools.bench.coldstart import ImportEntry, Probe

IMPORTTIME = """\
import time: self [us] | cumulative | imported package
import time:       300 |        300 |   encodings
import time:       120 |        120 |     json.decoder
import time:       200 |        900 |   json
import time:       500 |       1500 | powertools.logger
import time:        50 |         50 |   powertools.logger
"""


def test_parse_importtime_top_cumulative_without_baseline_modules():
    top = coldstart.parse_importtime(IMPORTTIME, ignore=frozenset({"encodings"}), top=3)

    assert top == [
        ImportEntry("powertools.logger", 500, 1500, 1),
        ImportEntry("json", 200, 900, 3),
        ImportEntry("json.decoder", 120, 120, 5),
    ]


class FakeProcesses:
    """Records every command; each run advances the fake clock by a per-program duration."""

    def __init__(self, durations, failing=()):
        self.durations = durations
        self.failing = set(failing)
        self.commands = []
        self.now = 0

    def clock(self):
        return self.now

    def run(self, command):
        self.commands.append(command)
        code = command[-1]
        self.now += self.durations.get(code, 0)
        stderr = IMPORTTIME if "-X" in command else "Traceback\nImportError: nope"
        return subprocess.CompletedProcess(command, 1 if code in self.failing else 0, "", stderr)


def test_measure_alternates_order_and_drops_programs_that_fail():
    probes = [Probe("a@ours", "py", "import a"), Probe("b@ours", "py", "import b"), Probe("pass@py", "py", "pass")]
    fake = FakeProcesses({"import a": 5_000_000, "import b": 7_000_000, "pass": 1_000_000}, failing={"import b"})

    results = coldstart.measure(probes, runs=2, run=fake.run, clock=fake.clock)

    timed = [command[-1] for command in fake.commands if "-X" not in command][3:]
    assert timed == ["import a", "pass", "pass", "import a"]  # run 1 forward, run 2 reversed
    assert results["a@ours"].samples_ns == [5_000_000.0, 5_000_000.0]
    assert results["b@ours"].status == "error"
    assert results["b@ours"].reason == "Traceback / ImportError: nope"
    assert results["b@ours"].summary() is None
    assert coldstart.net_ms(results["a@ours"], results["pass@py"]) == 4.0
    assert [entry.module for entry in results["a@ours"].top_imports] == []  # every module is in the baseline's run


def test_probes_for_skips_bare_missing_interpreters_and_uninstalled_packages():
    from tools.bench.packages import PACKAGES

    logger, tracer = PACKAGES[0], PACKAGES[1]
    probes = coldstart.probes_for(
        [logger, tracer],
        {"ours": "py", "upstream": None, "bare": "py"},
        available=lambda flavour, package: package is logger,
    )

    assert probes == [
        Probe("logger@ours", "py", "from powertools.logger import Logger"),
        Probe("logger@ours@lambda", "py", "from powertools.logger import Logger", in_lambda=True),
        Probe("pass@py", "py", "pass"),
        Probe("pass@py@lambda", "py", "pass", in_lambda=True),
    ]


def test_in_lambda_probes_and_their_baseline_start_after_the_runtime_imports() -> None:
    import sys

    show = "import sys; print(sorted(m for m in ('json', 'logging', 'traceback', 'decimal') if m in sys.modules))"
    bare, in_lambda = coldstart.with_clean_startup(
        [Probe("pass@py", sys.executable, show), Probe("pass@py@lambda", sys.executable, show, in_lambda=True)]
    )

    def loaded(probe: Probe) -> str:
        return subprocess.run(probe.command(), capture_output=True, text=True, check=True).stdout.strip()

    assert loaded(bare) == "[]"
    assert loaded(in_lambda) == "['decimal', 'json', 'logging', 'traceback']"


def test_probe_commands_put_flags_and_prelude_before_program_and_baseline() -> None:
    probe = Probe("a@ours", "py", "import a", flags=("-S",), prelude="import os\n")

    assert probe.command() == ["py", "-S", "-c", "import os\nimport a"]
    assert probe.command("pass", importtime=True) == ["py", "-S", "-X", "importtime", "-c", "import os\npass"]


def test_clean_startup_keeps_sys_path_and_skips_pth_code() -> None:
    import sys

    show_path = "import json; print(json.dumps(sys.path))"
    probe = coldstart.with_clean_startup([Probe("pass@py", sys.executable, show_path)])[0]
    done = subprocess.run(probe.command(), capture_output=True, text=True, check=True)
    normal = subprocess.run(
        [sys.executable, "-c", "import sys; " + show_path], capture_output=True, text=True, check=True
    )

    assert probe.flags == ("-S",)
    assert done.stdout == normal.stdout  # same import paths, editable installs included
    assert "site" not in subprocess.run(
        probe.command("import sys; print(sorted(sys.modules))"), capture_output=True, text=True, check=True
    ).stdout.split("'")


def test_clean_startup_names_an_interpreter_that_cannot_start() -> None:
    import pytest

    def broken(command: list[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(command, 1, "", "boom")

    with pytest.raises(coldstart.StartupError, match="boom"):
        coldstart.clean_startup("nope", run=broken)
