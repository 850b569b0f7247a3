"""The people the cables name in structured places: an index kept in the corpus.

``names``: one spelling per person; ``extract``: who a cable names; ``table``: the stored
rows; ``index``: who is in the corpus (or in a listing), and their cables.
"""
