#!/usr/bin/env python3
"""Draws chiso's app icons (static/icons/*.png and icon.svg): a blue rounded square with three
rising white bars. Pure Python (zlib), so it runs anywhere; the outputs are committed."""
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "static" / "icons"
BLUE = (11, 79, 156, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def pixel(x, y, n):
    u, v = x / n, y / n
    r = 0.18  # corner radius as a share of the side
    cx = min(max(u, r), 1 - r)
    cy = min(max(v, r), 1 - r)
    if (u - cx) ** 2 + (v - cy) ** 2 > r * r:
        return CLEAR
    for left, top in ((0.22, 0.55), (0.42, 0.40), (0.62, 0.25)):
        if left <= u <= left + 0.15 and top <= v <= 0.78:
            return WHITE
    return BLUE


def png(n):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x + 0.5, y + 0.5, n)) for x in range(n)) for y in range(n))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<rect width="100" height="100" rx="18" fill="#0b4f9c"/>
<rect x="22" y="55" width="15" height="23" fill="#fff"/>
<rect x="42" y="40" width="15" height="38" fill="#fff"/>
<rect x="62" y="25" width="15" height="53" fill="#fff"/>
</svg>
"""

if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        (OUT / f"icon-{size}.png").write_bytes(png(size))
    (OUT / "icon.svg").write_text(SVG)
    print("wrote", sorted(p.name for p in OUT.iterdir()))
