"""The default provider: the AWS X-Ray SDK's global recorder.

Imported only when tracing is on (or the escape hatch is used): the SDK costs
about 180 ms to import. The global recorder is the one the SDK's library patches
(botocore, requests, httpx, ...) record into, so Tracer shares it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager, AbstractContextManager
from typing import Any

from powertools.common.debug import get_debug_logger
from powertools.tracer.base import MAX_METADATA_BYTES, AnnotationValue, BaseProvider, MetadataTooLargeError

logger = get_debug_logger(__name__)


class XRayProvider(BaseProvider):
    """Wraps an X-Ray recorder; any recorder attribute is reachable through it.

    ``tracer.provider.in_subsegment(...)``, ``.capture(...)``, ``.current_subsegment()``
    and every other ``xray_recorder`` method work as they do upstream.
    """

    def __init__(self, recorder: Any = None) -> None:
        if recorder is None:
            from aws_xray_sdk.core import xray_recorder

            recorder = xray_recorder
        self.recorder = recorder

    def __getattr__(self, name: str) -> Any:
        # Only reached for names this class lacks: the escape hatch to the recorder.
        if name == "recorder":  # not set yet (copy/pickle protocols probe before __init__)
            raise AttributeError(name)
        return getattr(self.recorder, name)

    def in_subsegment(self, name: str | None = None, **kwargs: Any) -> AbstractContextManager[Any]:
        return self.recorder.in_subsegment(name=name, **kwargs)

    def in_subsegment_async(self, name: str | None = None, **kwargs: Any) -> AbstractAsyncContextManager[Any]:
        return self.recorder.in_subsegment_async(name=name, **kwargs)

    def put_annotation(self, key: str, value: AnnotationValue) -> None:
        self.recorder.put_annotation(key=key, value=value)

    def put_metadata(self, key: str, value: Any, namespace: str = "default") -> None:
        self.recorder.put_metadata(key=key, value=value, namespace=namespace)

    def patch(self, modules: Sequence[str]) -> None:
        from aws_xray_sdk.core import patch

        patch(tuple(modules))

    def patch_all(self) -> None:
        from aws_xray_sdk.core import patch_all

        patch_all()

    def encode_metadata(self, value: Any) -> Any:
        """The value as the SDK will serialize it, checked now instead of at send time.

        A value that fails there costs the whole subsegment; one that fails here is
        skipped alone. The converted copy is stored, so later mutation of the
        original doesn't change what was recorded.
        """
        from aws_xray_sdk.core.utils.conversion import metadata_to_dict

        converted = metadata_to_dict(value)
        size = len(json.dumps(converted, default=str))  # the SDK's own encoding; ASCII, so len == bytes
        if size > MAX_METADATA_BYTES:
            raise MetadataTooLargeError(size)
        return converted

    def configure_for_lambda(self) -> None:
        """Send each subsegment as it ends, so an invocation's trace isn't lost to a freeze or timeout."""
        self.recorder.configure(streaming_threshold=0)

    def disable(self) -> None:
        """Turn the SDK into a no-op, so escape-hatch calls are silent outside Lambda."""
        from aws_xray_sdk import global_sdk_config

        logger.debug("Disabling the X-Ray SDK")
        global_sdk_config.set_sdk_enabled(False)

    def ignore_endpoint(self, hostname: str | None = None, urls: list[str] | None = None) -> None:
        from aws_xray_sdk.ext.httplib import add_ignored

        add_ignored(hostname=hostname, urls=urls)


def is_xray_recorder(candidate: Any) -> bool:
    """An X-Ray SDK recorder object (passed as ``provider=`` the way upstream allows)."""
    return type(candidate).__module__.startswith("aws_xray_sdk") and hasattr(candidate, "begin_subsegment")
