"""Command line: ``python -m powertools.event_handler serve module:app [options]``."""

from __future__ import annotations

import argparse
import socket
import sys
from collections.abc import Sequence

from powertools.event_handler.dev_server.errors import DevServerError
from powertools.event_handler.dev_server.events import FORMATS
from powertools.event_handler.dev_server.server import DEFAULT_TIMEOUT, MAX_BODY_BYTES


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be greater than 0")
    return value


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not between 0 and 65535")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m powertools.event_handler")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    serve = commands.add_parser(
        "serve",
        help="serve an app over HTTP locally, as its Lambda integration would invoke it",
        description="Turn real HTTP requests into Lambda proxy events for a resolver or handler(event, context).",
    )
    serve.add_argument("target", help="module:attribute naming a resolver or a handler(event, context), e.g. app:app")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=_port, default=3000, help="port to listen on (default 3000; 0 picks a free one)")
    serve.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="the integration's event format (default: the resolver's own, or rest for a plain handler)",
    )
    serve.add_argument(
        "--stage",
        default=None,
        help="the API Gateway stage in the request context (default: dev for rest, $default for http)",
    )
    serve.add_argument(
        "--timeout",
        type=_positive_float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds an invocation may run, as the function's timeout (default {DEFAULT_TIMEOUT:g})",
    )
    serve.add_argument("--reload", action="store_true", help="restart when a .py file under the app's folder changes")
    serve.add_argument("--app-dir", default=".", help="folder to import the app from (default: the current one)")
    serve.add_argument("--fd", type=int, default=None, help=argparse.SUPPRESS)  # socket from the --reload supervisor
    return parser


def _child_args(args: argparse.Namespace) -> list[str]:
    """The options a --reload child needs (everything but --reload/--host/--port: it inherits the socket)."""
    child = [args.target, "--timeout", repr(args.timeout), "--app-dir", args.app_dir]
    if args.stage:
        child += ["--stage", args.stage]
    if args.format:
        child += ["--format", args.format]
    return child


def _run(args: argparse.Namespace) -> int:
    from powertools.event_handler.dev_server.loader import ensure_on_path, load_handler, module_directory
    from powertools.event_handler.dev_server.server import ServerOptions, create_server, log

    ensure_on_path(args.app_dir)
    if args.fd is None and args.host not in ("127.0.0.1", "localhost", "::1"):
        log(f"warning: listening on {args.host}: other machines can reach this development server")
    if args.reload:
        from powertools.event_handler.dev_server.reload import supervise

        watch = module_directory(args.target)
        listener = _listen(args.host, args.port)
        host, port = listener.getsockname()[:2]
        log(f"serving {args.target} on http://{host}:{port} (reload on)")
        return supervise(listener, _child_args(args), watch)

    handler, own_format = load_handler(args.target)
    options = ServerOptions(
        format_name=args.format or own_format or "rest",
        stage=args.stage,
        timeout=args.timeout,
        max_body_bytes=MAX_BODY_BYTES,
        function_name=args.target.replace(":", "-").replace(".", "-"),
    )
    sock = None
    if args.fd is not None:  # a child of the --reload supervisor
        from powertools.event_handler.dev_server.reload import exit_with_parent

        exit_with_parent()
        sock = socket.socket(fileno=args.fd)
    server = create_server(handler, options, args.host, args.port, sock=sock)
    if sock is None:
        log(f"serving {args.target} on {server.url} as {options.format_name} events (Ctrl-C stops)")
    else:
        log(f"serving {args.target} as {options.format_name} events")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise DevServerError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    sock.listen(128)
    return sock


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except DevServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
