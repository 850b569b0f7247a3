"""What the browser is showing: the listing, the cursor, the open cable, the trail, the search.
Plain data with a small API, no Textual: the app owns one BrowserState and every action reads it.
May import store/ and tui.output only."""
