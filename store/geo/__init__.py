"""Where the cables came from: the posts' coordinates and the world's land, as data files
(made by tools/), read here for the map. Standard library only; imports nothing else of
store/ and never Textual."""
