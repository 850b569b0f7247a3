"""Formats -> text: cables.csv rows, HTML release pages, telegram files, and the importer."""
