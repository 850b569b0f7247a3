"""Who may talk to ``cables serve``: the checks on every request, kept apart from aiohttp so
each rule is tested on its own.

Browsers do not apply the same-origin rule to WebSockets, and a page can make a browser send
any request to 127.0.0.1; so loopback alone protects nothing. Three checks do, as Jupyter's:
- a secret token, printed in the URL at start and then carried by a cookie;
- the Host header names this server (an IP literal or localhost), not a domain an attacker
  controls and points at 127.0.0.1 (DNS rebinding);
- a WebSocket's Origin is the page this server served.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

# Wide enough that guessing is hopeless (256 bits), short enough to paste.
TOKEN_BYTES = 32
MIN_TOKEN_LENGTH = 16
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})
LOOPBACK_NAMES = frozenset({"localhost", "localhost."})


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_problem(token: str) -> str | None:
    """Why a token the owner chose cannot be used, or None."""
    if len(token) < MIN_TOKEN_LENGTH:
        return f"a token needs at least {MIN_TOKEN_LENGTH} characters"
    if not all(c.isascii() and (c.isalnum() or c in "-_.~") for c in token):
        return "a token may hold only letters, digits and - _ . ~ (it goes in a URL)"
    return None


def is_loopback(host: str) -> bool:
    """True for localhost and loopback IP literals (127.0.0.0/8, ::1)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    address = ip_literal(host)
    return address is not None and address.is_loopback


def ip_literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def split_host_header(value: str) -> tuple[str, str] | None:
    """``host[:port]`` -> (host, port), brackets of an IPv6 literal kept off; None when it
    is not one (a path, user info, a blank)."""
    parts = urlsplit(f"//{value}")
    try:
        port = parts.port
    except ValueError:
        return None
    host = parts.hostname
    if not host or parts.path or parts.query or parts.fragment or parts.username is not None:
        return None
    return host, "" if port is None else str(port)


@dataclass(frozen=True)
class Guard:
    token: str
    bound_host: str  # what the server listens on, as given to --host
    port: int

    @property
    def cookie_name(self) -> str:
        # Cookies ignore ports: two servers on one machine must not overwrite each other's.
        return f"cables-serve-{self.port}"

    def token_matches(self, candidate: str | None) -> bool:
        if not candidate:
            return False
        return hmac.compare_digest(candidate.encode(), self.token.encode())

    def host_allowed(self, header: str | None) -> bool:
        """The Host a browser sends names this server. Its port is not checked: an SSH
        tunnel (``ssh -L 9000:127.0.0.1:8000``) shows the server under another one."""
        if not header:
            return False
        split = split_host_header(header)
        if split is None:
            return False
        host = split[0].lower()
        if is_loopback(host):
            return True
        bound = self.bound_host.lower().strip("[]")
        if bound in WILDCARD_HOSTS:
            # Any address of this machine; a name could be an attacker's domain rebound here.
            return ip_literal(host) is not None
        return host == bound

    def origin_allowed(self, origin: str | None, host_header: str | None) -> bool:
        """A WebSocket must come from the page this server served: its Origin is the
        scheme plus the very Host the browser asked for."""
        if not origin or not host_header or not self.host_allowed(host_header):
            return False
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or parts.path not in ("", "/"):
            return False
        return parts.netloc.lower() == host_header.lower()
