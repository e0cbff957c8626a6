#!/usr/bin/env python3
"""Counts the pixels of given exact colours in a PNG (8-bit RGB or RGBA, non-interlaced), with
nothing but the standard library. Usage: png-colours.py FILE '#2563eb' ... ; prints 'COLOUR COUNT'
per colour."""
import struct, sys, zlib

data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
position, chunks, header = 8, [], None
while position < len(data):
    length, kind = struct.unpack(">I4s", data[position:position + 8])
    body = data[position + 8:position + 8 + length]
    if kind == b"IHDR":
        header = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        chunks.append(body)
    position += 12 + length
width, height, depth, colour_type, _, _, interlace = header
assert depth == 8 and colour_type in (2, 6) and interlace == 0, f"unsupported PNG {header}"
channels = 3 if colour_type == 2 else 4
raw = zlib.decompress(b"".join(chunks))
stride = width * channels
previous = bytearray(stride)
counts = {}
wanted = {bytes.fromhex(c.lstrip("#")): c for c in sys.argv[2:]}
offset = 0
for _ in range(height):
    kind = raw[offset]
    line = bytearray(raw[offset + 1:offset + 1 + stride])
    offset += 1 + stride
    for i in range(stride):
        left = line[i - channels] if i >= channels else 0
        up = previous[i]
        corner = previous[i - channels] if i >= channels else 0
        if kind == 1:
            line[i] = (line[i] + left) & 255
        elif kind == 2:
            line[i] = (line[i] + up) & 255
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 255
        elif kind == 4:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
    for i in range(0, stride, channels):
        pixel = bytes(line[i:i + 3])
        if pixel in wanted:
            counts[pixel] = counts.get(pixel, 0) + 1
    previous = line
for rgb, name in wanted.items():
    print(name, counts.get(rgb, 0))
