"""The checks of ``cables serve`` one by one (tui/web/guard.py): token, Host, Origin."""

from __future__ import annotations

import pytest

from tui.web.guard import Guard, is_loopback, new_token, token_problem

GUARD = Guard(token="s3cret-token-of-this-run", bound_host="127.0.0.1", port=8000)


def test_a_new_token_is_long_and_new_each_time():
    first, second = new_token(), new_token()
    assert first != second and len(first) >= 40 and token_problem(first) is None


@pytest.mark.parametrize(
    "token", ["short", "has space in it 12345", "ünïcode-token-123456", "a" * 15]
)
def test_a_chosen_token_must_be_long_and_url_safe(token):
    assert token_problem(token)


def test_the_token_must_match_whole():
    assert GUARD.token_matches("s3cret-token-of-this-run")
    near = ("s3cret-token-of-this-ru", "s3cret-token-of-this-run2", "S3CRET-TOKEN-OF-THIS-RUN")
    for wrong in (None, "", *near):
        assert not GUARD.token_matches(wrong)


@pytest.mark.parametrize("host", [
    "127.0.0.1:8000", "localhost:8000", "LOCALHOST:8000", "127.0.0.1", "[::1]:8000",
    "127.0.0.1:9000",  # an SSH tunnel may show the server under another port
])  # fmt: skip
def test_loopback_hosts_are_this_server(host):
    assert GUARD.host_allowed(host)


@pytest.mark.parametrize("host", [
    None, "", "evil.example:8000", "evil.example", "127.0.0.1.nip.io:8000",
    "localhost.evil.example", "user@127.0.0.1:8000", "127.0.0.1:8000/x", "127.0.0.1:99999",
    "10.0.0.5:8000",
])  # fmt: skip
def test_a_host_naming_anything_else_is_refused_dns_rebinding(host):
    assert not GUARD.host_allowed(host)


def test_a_wildcard_bind_takes_ip_literals_but_no_names():
    wide = Guard(token="s3cret-token-of-this-run", bound_host="0.0.0.0", port=8000)
    assert wide.host_allowed("192.0.2.7:8000") and wide.host_allowed("[2001:db8::1]:8000")
    assert not wide.host_allowed("attacker.example:8000")
    named = Guard(token="s3cret-token-of-this-run", bound_host="cables.lan", port=8000)
    assert named.host_allowed("cables.lan:8000") and not named.host_allowed("other.lan:8000")


@pytest.mark.parametrize("origin,host,allowed", [
    ("http://127.0.0.1:8000", "127.0.0.1:8000", True),
    ("http://localhost:9000", "localhost:9000", True),
    ("http://evil.example", "127.0.0.1:8000", False),
    ("http://127.0.0.1:8001", "127.0.0.1:8000", False),  # another local server's page
    ("null", "127.0.0.1:8000", False),  # a sandboxed frame or a file:// page
    (None, "127.0.0.1:8000", False),
    ("http://evil.example:8000", "evil.example:8000", False),  # rebinding: the Host fails
    ("file://", "127.0.0.1:8000", False),
])  # fmt: skip
def test_a_websocket_must_come_from_the_served_page(origin, host, allowed):
    assert GUARD.origin_allowed(origin, host) is allowed


def test_loopback():
    assert is_loopback("127.0.0.1") and is_loopback("127.8.0.1") and is_loopback("::1")
    assert is_loopback("localhost") and not is_loopback("0.0.0.0") and not is_loopback("example")
