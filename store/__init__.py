"""The model and all I/O: the Cable (model.py), text hygiene (sanitize.py), reader records
(records.py), and the packages parse/, ingest/, corpus/, query/, userdata/.
May import the standard library, SQLite, TinyDB and platformdirs: never tui/ nor Textual."""
