"""A real HTTP server on 127.0.0.1 in a thread, for the providers' protocol fakes."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


class Reply:
    def __init__(
        self, status: int, body: bytes = b"", ctype: str = "application/json",
        headers: dict[str, str] | None = None,
    ) -> None:  # fmt: skip
        self.status, self.body, self.ctype, self.headers = status, body, ctype, headers or {}

    @classmethod
    def json(cls, status: int, value: Any, headers: dict[str, str] | None = None) -> Reply:
        return cls(status, json.dumps(value).encode(), "application/json", headers)


class Request:
    def __init__(self, method: str, path: str, headers: dict[str, str], body: bytes) -> None:
        parts = urlsplit(path)
        self.method, self.path, self.headers, self.body = method, parts.path, headers, body
        self.query = {k: v[-1] for k, v in parse_qs(parts.query).items()}

    def json(self) -> Any:
        return json.loads(self.body or b"null")

    def form(self) -> tuple[dict[str, str], dict[str, list[tuple[str, bytes]]]]:
        """multipart/form-data: (text fields, file fields -> [(filename, bytes)])."""
        head = f"Content-Type: {self.headers.get('content-type', '')}\r\n\r\n".encode()
        message = BytesParser(policy=HTTP).parsebytes(head + self.body)
        fields: dict[str, str] = {}
        files: dict[str, list[tuple[str, bytes]]] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True) or b""
            filename = part.get_filename()
            if filename is None:
                fields[str(name)] = payload.decode()
            else:
                files.setdefault(str(name), []).append((filename, payload))
        return fields, files


Handler = Callable[[Request], Reply]


class FakeServer:
    def __init__(self, handle: Handler) -> None:
        outer = self

        class _Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                reply = handle(Request(self.command, self.path, headers, body))
                self.send_response(reply.status)
                if reply.ctype:  # aiohttp's empty web.Response has no Content-Type
                    self.send_header("Content-Type", reply.ctype)
                self.send_header("Content-Length", str(len(reply.body)))
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(reply.body)

            do_GET = do_POST = do_DELETE = _serve

            def log_message(self, format: str, *args: Any) -> None:
                outer.log.append(format % args)

        self.log: list[str] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> FakeServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
