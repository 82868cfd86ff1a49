from collections import Counter

import pytest

from tools.bench.runner import Settings, run_workloads, schedule
from tools.bench.worker import calibrate, measure
from tools.bench.workloads.base import LineSink, Workload


def test_schedule_flips_flavour_order_per_workload_and_round():
    slots = schedule(["a", "b"], ["ours", "upstream", "bare"], rounds=2)

    assert [(s.round, s.workload, s.flavour) for s in slots] == [
        (0, "a", "ours"),
        (0, "a", "upstream"),
        (0, "a", "bare"),
        (0, "b", "bare"),
        (0, "b", "upstream"),
        (0, "b", "ours"),
        (1, "a", "bare"),
        (1, "a", "upstream"),
        (1, "a", "ours"),
        (1, "b", "ours"),
        (1, "b", "upstream"),
        (1, "b", "bare"),
    ]


def test_over_even_rounds_every_flavour_takes_every_position_equally():
    flavours = ["ours", "upstream", "bare"]
    slots = schedule(["w1", "w2", "w3"], flavours, rounds=4)

    for workload in ("w1", "w2", "w3"):
        runs = [s for s in slots if s.workload == workload]
        positions = Counter((s.flavour, index % 3) for index, s in enumerate(runs))
        # Each flavour is first/middle/last: forward twice and reversed twice -> first 2x and last 2x, or middle 4x.
        assert positions[("ours", 0)] == positions[("ours", 2)] == 2
        assert positions[("bare", 0)] == positions[("bare", 2)] == 2
        assert positions[("upstream", 1)] == 4


def _workload(name):
    return Workload(name=name, utility="logger", description=name, build=lambda api: lambda: None)


def test_run_workloads_pools_samples_in_schedule_order_and_records_failures():
    calls = []

    def launcher(python, spec, env):
        calls.append((spec["workload"], spec["flavour"], python))
        if spec["workload"] == "broken" and spec["flavour"] == "ours":
            return {"status": "error", "reason": "ValueError: boom"}
        base = 10.0 if spec["flavour"] == "ours" else 30.0
        return {"status": "ok", "samples_ns": [base, base + 1, base + 2], "fingerprint": {"same": True}}

    settings = Settings(rounds=2, samples=3, warmup=0, min_sample_ns=0)
    results = run_workloads(
        [_workload("fine"), _workload("broken")],
        {"ours": "py-ours", "upstream": None, "bare": "py-bare"},
        settings,
        unavailable={"upstream": "no network"},
        launcher=launcher,
    )

    launched = [(w, f) for w, f, _ in calls]
    # upstream never launches; the broken one is not retried after its first failure.
    assert launched == [
        ("fine", "ours"),
        ("fine", "bare"),
        ("broken", "bare"),
        ("broken", "ours"),
        ("fine", "bare"),
        ("fine", "ours"),
        ("broken", "bare"),
    ]
    assert launched.count(("broken", "ours")) == 1
    assert all(python == f"py-{flavour}" for _, flavour, python in calls)

    fine, broken = results
    assert fine.flavours["ours"].samples_ns == [10.0, 11.0, 12.0, 10.0, 11.0, 12.0]
    assert fine.summary("ours").median == 11.0
    assert fine.summary("bare").median == 31.0
    assert fine.flavours["upstream"].status == "not available"
    assert fine.flavours["upstream"].reason == "no network"
    assert fine.same_result() is True
    assert broken.flavours["ours"].status == "error"
    assert broken.flavours["ours"].reason == "ValueError: boom"
    assert broken.summary("ours") is None
    assert broken.same_result() is None  # only bare produced a result


def test_same_result_is_false_when_fingerprints_differ():
    def launcher(python, spec, env):
        return {"status": "ok", "samples_ns": [1.0], "fingerprint": {"flavour": spec["flavour"]}}

    (result,) = run_workloads([_workload("w")], {"ours": "py", "bare": "py"}, Settings(1, 1, 0, 0), launcher=launcher)
    assert result.same_result() is False


class FakeClock:
    """Each call to a timed function advances time by `step` ns."""

    def __init__(self, step):
        self.now = 0
        self.step = step

    def __call__(self):
        return self.now

    def tick(self):
        self.now += self.step


def test_calibrate_doubles_the_batch_until_a_sample_is_long_enough():
    clock = FakeClock(step=100)

    assert calibrate(clock.tick, min_sample_ns=1_000, clock=clock) == 16  # 1,2,4,8 too short; 16 calls = 1600 ns


def test_measure_reports_per_call_time_per_sample():
    clock = FakeClock(step=250)

    assert measure(clock.tick, samples=3, inner=4, clock=clock) == [250.0, 250.0, 250.0]


def test_line_sink_keeps_complete_lines_and_bounds_memory():
    sink = LineSink(keep=3)
    print("first", file=sink)
    sink.write('{"a": ')
    sink.write("1}\nsecond\npartial")

    assert sink.lines() == ["first", '{"a": 1}', "second", "partial"][-4:]
    for index in range(100):
        print(index, file=sink)
    assert len(sink.lines()) == 3
    assert sink.lines() == ["97", "98", "99"]
    sink.clear()
    assert sink.lines() == []


@pytest.mark.parametrize("keep", [1, 5])
def test_line_sink_last_line_is_the_last_print(keep):
    sink = LineSink(keep=keep)
    for index in range(10):
        print(f"line {index}", file=sink)
    assert sink.lines()[-1] == "line 9"
