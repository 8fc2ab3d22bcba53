"""A client for Pagefind's service mode (`pagefind --service`): pages are sent to it one by one
while MkDocs builds (`briefing_gen.site.indexed_build`), so the binary indexes on the second core
while MkDocs, which is single-threaded, works on the first.

The protocol is Pagefind's own: each message is base64-encoded JSON followed by a comma, on the
binary's stdin, and each answer comes back the same way on its stdout, tagged with the message's
id. The `pagefind` package's asyncio client waits a tenth of a second between answers, which is
too slow for thousands of pages, hence this small blocking one: requests are written without
waiting, a thread reads the answers, and the first error is raised when the index is written."""
from __future__ import annotations

import base64
import json
import subprocess
import tempfile
import threading
from pathlib import Path


class PagefindError(RuntimeError):
    pass


def pagefind_binary() -> Path:
    """The binary shipped by `pagefind[extended]` (the one `python -m pagefind` runs)."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as error:
        raise PagefindError("the Pagefind binary is not installed (pip install 'pagefind[extended]')") from error
    return Path(get_executable())


class PagefindIndexer:
    """One in-memory Pagefind index in a running `pagefind --service`.

    `site_dir` is where the built pages are: page paths given to `add_page` are relative to it,
    and Pagefind makes the same result URLs from them as `pagefind --site site_dir` would."""

    def __init__(self, site_dir: Path, exclude_selectors: list[str]):
        self.site_dir = site_dir.resolve()
        self.site_dir.mkdir(parents=True, exist_ok=True)
        self._log = tempfile.TemporaryFile()
        self._process = subprocess.Popen(
            [str(pagefind_binary()), "--service"], cwd=self.site_dir,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log,
        )
        self._answers: dict[int | None, dict] = {}  # by message id: all but "page indexed"
        self._pages: dict[int, str] = {}  # message id: page, to name a page Pagefind could not index
        self._done = threading.Condition()
        self._last_id = 0
        self._reader = threading.Thread(target=self._read_answers, daemon=True)
        self._reader.start()
        answer = self._wait(self._send({"type": "NewIndex", "config": {"exclude_selectors": exclude_selectors}}))
        self._index_id = answer["index_id"]

    def add_page(self, relative_path: str, html: str) -> None:
        """Queue one built page for indexing; returns at once."""
        message_id = self._send({"type": "AddFile", "index_id": self._index_id, "file_path": relative_path, "url": None, "file_contents": html})
        self._pages[message_id] = relative_path

    def start_writing(self, output_dir: Path) -> None:
        """Ask for the index to be written into `output_dir` once every page queued is indexed;
        returns at once."""
        self._write_id = self._send({"type": "WriteFiles", "index_id": self._index_id, "output_path": str(output_dir.resolve())})

    def finish_writing(self) -> None:
        """Wait until the index is written, and stop the service. Raises PagefindError with the
        first page Pagefind could not index."""
        try:
            self._wait(self._write_id)
            errors = [
                f"{self._pages.get(message_id, 'a page')}: {answer.get('message')}"
                for message_id, answer in self._answers.items() if answer.get("type") == "Error"
            ]
            if errors:
                raise PagefindError(f"pagefind could not index {len(errors)} page(s); the first is {errors[0]}")
        finally:
            self.close()

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.stdin.close()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._log.close()

    def _send(self, payload: dict) -> int:
        self._last_id += 1
        message = json.dumps({"message_id": self._last_id, "payload": payload}).encode("utf-8")
        try:
            self._process.stdin.write(base64.b64encode(message) + b",")
            self._process.stdin.flush()
        except (BrokenPipeError, OSError) as error:
            raise PagefindError(f"the Pagefind service stopped: {self._failure()}") from error
        return self._last_id

    def _wait(self, message_id: int) -> dict:
        with self._done:
            self._done.wait_for(lambda: message_id in self._answers or not self._reader.is_alive())
        if message_id not in self._answers:
            raise PagefindError(f"the Pagefind service stopped: {self._failure()}")
        answer = self._answers.pop(message_id)
        if answer.get("type") == "Error":
            raise PagefindError(f"pagefind: {answer.get('message')}")
        return answer

    def _read_answers(self) -> None:
        pending = b""
        stream = self._process.stdout
        try:
            while chunk := stream.read1(1 << 16):
                pending += chunk
                *messages, pending = pending.split(b",")
                for message in messages:
                    self._take(message)
        finally:
            with self._done:
                self._done.notify_all()

    def _take(self, message: bytes) -> None:
        try:
            answer = json.loads(base64.b64decode(message))
            payload, message_id = answer["payload"], answer.get("message_id")
            if message_id is None and payload.get("original_message"):  # a message it could not read
                message_id = json.loads(payload["original_message"]).get("message_id")
        except (ValueError, KeyError, TypeError):
            payload, message_id = {"type": "Error", "message": message.decode("utf-8", "replace")[:200]}, None
        with self._done:
            if payload.get("type") != "IndexedFile":
                self._answers[message_id] = payload
            self._done.notify_all()

    def _failure(self) -> str:
        self._process.poll()
        self._log.seek(0)
        text = self._log.read().decode("utf-8", "replace").strip()
        return f"exit code {self._process.returncode}" + (f": {text[-500:]}" if text else "")
