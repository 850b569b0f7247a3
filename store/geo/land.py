"""The world's land in half-degree cells (data/land.txt), sampled at any resolution."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).with_name("data") / "land.txt"


@dataclass(frozen=True)
class LandMask:
    north: float
    south: float
    step: float
    rows: tuple[int, ...]  # each row's cells as the bits of one int, west (high bit) to east
    cols: int

    def is_land(self, latitude: float, longitude: float) -> bool:
        if not self.south <= latitude < self.north:
            return False
        row = int((self.north - latitude) / self.step)
        col = int(((longitude + 180.0) % 360.0) / self.step)
        return bool(self.rows[row] >> (self.cols - 1 - col) & 1)


@functools.cache
def land_mask() -> LandMask:
    settings: dict[str, str] = {}
    rows = []
    for line in DATA.read_text(encoding="ascii").splitlines():
        if line.startswith("#"):
            settings.update(part.split("=", 1) for part in line[1:].split() if "=" in part)
        elif line:
            rows.append(int(line, 16))
    mask = LandMask(
        north=float(settings["north"]), south=float(settings["south"]),
        step=float(settings["step"]), rows=tuple(rows), cols=int(settings["cols"]),
    )  # fmt: skip
    if len(rows) != int(settings["rows"]):
        raise ValueError(f"{DATA}: {len(rows)} rows, the header says {settings['rows']}")
    return mask
