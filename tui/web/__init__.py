"""The web front of ``cables serve``: an HTTP server that runs the browser app in a child
process per page and guards every request (token, Host, Origin). It may import store/ and
aiohttp/textual-serve, never Textual: the app itself runs in the child."""
