"""``cables serve`` as a real process on a free loopback port, for the server and browser
tests. The token is chosen by the test (through the environment, as a user may) so that a
test can also leave it out; the printed URL is read back from the server's output."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "test-token-0123456789abcdef"
URL_LINE = re.compile(r"^\s+(http://\S+/\?token=\S+)$", re.MULTILINE)


@dataclass
class Served:
    port: int
    log: Path
    process: subprocess.Popen

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def printed_url(self) -> str:
        found = URL_LINE.search(self.output())
        assert found, self.output()
        return found.group(1)

    def sessions_started(self) -> int:
        return self.output().count("session started")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def served(folder: Path, *options: str, home: Path | None = None):
    """Run ``cables serve`` until the block ends (its app children go with it). ``home``
    gives it a fresh home of its own (else it has the test's, from the environment)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CABLES_SERVE_TOKEN": TOKEN}
    if home is not None:
        env["HOME"] = str(home)
        for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            env[name] = str(home / name.lower())
    port = free_port()
    log = folder / f"serve-{port}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "tui.cli", "serve", "--port", str(port), *options],
            stdout=out, stderr=subprocess.STDOUT, cwd=ROOT,
            env=env,
            start_new_session=True,
        )  # fmt: skip
    server = Served(port, log, process)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert process.poll() is None, server.output()
            time.sleep(0.2)
        else:
            raise AssertionError(f"cables serve did not listen: {server.output()}")
        yield server
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
