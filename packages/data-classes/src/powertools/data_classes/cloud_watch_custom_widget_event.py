"""Amazon CloudWatch dashboard custom widget request."""

from __future__ import annotations

from typing import Any

from powertools.common.dict_wrapper import DictWrapper
from powertools.data_classes._fields import Field, Flag, Section, mapping

__all__ = ["CloudWatchDashboardCustomWidgetEvent", "CloudWatchWidgetContext", "TimeRange", "TimeZone"]


class TimeZone(DictWrapper):
    label = Field[str]("label")
    offset_iso = Field[str]("offsetISO")
    offset_in_minutes = Field[int]("offsetInMinutes")


class TimeRange(DictWrapper):
    mode = Field[str]("mode", "``relative`` or ``absolute``.")
    start = Field[int]("start", "Epoch milliseconds.")
    end = Field[int]("end", "Epoch milliseconds.")
    relative_start = Field[int]("relativeStart", "Milliseconds before now, in relative mode.")

    @property
    def zoom_start(self) -> int | None:
        return mapping(self._data.get("zoom") or {}, "timeRange.zoom").get("start")

    @property
    def zoom_end(self) -> int | None:
        return mapping(self._data.get("zoom") or {}, "timeRange.zoom").get("end")


class CloudWatchWidgetContext(DictWrapper):
    dashboard_name = Field[str]("dashboardName")
    widget_id = Field[str]("widgetId")
    domain = Field[str]("domain")
    account_id = Field[str]("accountId")
    locale = Field[str]("locale")
    timezone = Section(TimeZone, "timezone")
    period = Field[int]("period")
    is_auto_period = Flag("isAutoPeriod")
    time_range = Section(TimeRange, "timeRange")
    theme = Field[str]("theme", "``light`` or ``dark``.")
    link_charts = Flag("linkCharts")
    title = Field[str]("title")
    params = Field[dict[str, Any]]("params", "The widget's parameters.")

    @property
    def forms(self) -> dict[str, Any] | None:
        """Values of the widget's form fields (the event's ``forms.all``); None without a form."""
        return mapping(self._data.get("forms") or {}, "forms").get("all")

    height = Field[int]("height")
    width = Field[int]("width")


class CloudWatchDashboardCustomWidgetEvent(DictWrapper):
    """A dashboard asking the function to render a widget (or to describe itself)."""

    @property
    def describe(self) -> bool:
        """True when the console asks for the widget's documentation."""
        return bool(self._data.get("describe", False))

    widget_context = Section(CloudWatchWidgetContext, "widgetContext", optional=True)
