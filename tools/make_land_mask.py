"""Write store/geo/data/land.txt: which half-degree cells of the world are land, for the
terminal's world map (latitudes 84 N to 60 S: Antarctica holds no post).

Each cell is land when at least a third of 16 points spread over it are land in
global-land-mask's 1 km grid. Rows run north to south, each a hex string of 720 bits, west
to east from 180 W. Run from the checkout's top folder: python tools/make_land_mask.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from global_land_mask import globe

OUT = Path(__file__).resolve().parent.parent / "store/geo/data/land.txt"
NORTH, SOUTH, STEP = 84.0, -60.0, 0.5
SAMPLES = 4  # per side of a cell


def main() -> int:
    rows = round((NORTH - SOUTH) / STEP)
    cols = round(360 / STEP)
    offsets = (np.arange(SAMPLES) + 0.5) / SAMPLES * STEP
    lines = [
        "# Land (1) and sea (0) in half-degree cells, 84 N to 60 S, 180 W eastwards; one row",
        "# of 720 bits a line, in hex. Made by tools/make_land_mask.py from global-land-mask.",
        f"# north={NORTH} south={SOUTH} step={STEP} rows={rows} cols={cols}",
    ]
    for row in range(rows):
        lats = NORTH - row * STEP - offsets
        lons = -180 + np.arange(cols)[:, None] * STEP + offsets[None, :]
        grid_lat = np.repeat(lats[None, :, None], cols, axis=0)
        grid_lat = np.broadcast_to(grid_lat, (cols, SAMPLES, SAMPLES))
        grid_lon = np.broadcast_to(lons[:, None, :], (cols, SAMPLES, SAMPLES))
        land = globe.is_land(grid_lat, np.clip(grid_lon, -180, 179.999))
        bits = land.reshape(cols, -1).mean(axis=1) >= 1 / 3
        value = int("".join("1" if b else "0" for b in bits), 2)
        lines.append(f"{value:0{cols // 4}x}")
    OUT.write_text("\n".join(lines) + "\n", encoding="ascii")
    print(f"{rows} rows of {cols} cells -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
