#!/usr/bin/env python3
"""Writes the zip fixtures from the export folders next to it, as LinkedIn sends them (files at
the root of the archive, deflated), plus broken ones: a damaged entry, a truncated download, an
entry that declares more than the import's limit, and one that inflates beyond its declared size.
Deterministic: fixed timestamps and order. Run it after changing a fixture folder."""
import os, struct, zipfile

here = os.path.dirname(os.path.abspath(__file__))
source = os.path.join(here, "linkedin-export")
target = os.path.join(here, "linkedin-zips")
os.makedirs(target, exist_ok=True)


def write(name, folder, method=zipfile.ZIP_DEFLATED):
    path = os.path.join(target, name)
    with zipfile.ZipFile(path, "w") as archive:
        for file in sorted(os.listdir(folder)):
            if not file.endswith(".csv"):
                continue
            info = zipfile.ZipInfo(file, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = method
            with open(os.path.join(folder, file), "rb") as handle:
                archive.writestr(info, handle.read())
    return path


for era in sorted(os.listdir(source)):
    if os.path.isdir(os.path.join(source, era)):
        write(era + ".zip", os.path.join(source, era))

good = os.path.join(source, "Complete_LinkedInDataExport_10-02-2026")
# A stored (not deflated) archive: both methods must read.
write("stored.zip", good, zipfile.ZIP_STORED)


def entry_offsets(data, name):
    """(local header offset, data offset, central header offset) of an entry."""
    central = data.rfind(b"PK\x01\x02" + b"", 0)
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        name_length, = struct.unpack_from("<H", data, position + 28)
        if data[position + 46:position + 46 + name_length].decode() == name:
            local, = struct.unpack_from("<I", data, position + 42)
            local_name, local_extra = struct.unpack_from("<HH", data, local + 26)
            return local, local + 30 + local_name + local_extra, position
        position = data.find(b"PK\x01\x02", position + 4)
    raise KeyError(name)


base = open(write("damaged.zip", good), "rb").read()
_, start, _ = entry_offsets(base, "Connections.csv")
damaged = bytearray(base)
damaged[start + 20] ^= 0x55
open(os.path.join(target, "damaged.zip"), "wb").write(damaged)

open(os.path.join(target, "truncated.zip"), "wb").write(base[: len(base) // 2])

oversized = bytearray(base)
local, _, central = entry_offsets(base, "messages.csv")
struct.pack_into("<I", oversized, central + 24, 600 << 20)
struct.pack_into("<I", oversized, local + 22, 600 << 20)
open(os.path.join(target, "oversized.zip"), "wb").write(oversized)

bomb = bytearray(base)
local, _, central = entry_offsets(base, "messages.csv")
struct.pack_into("<I", bomb, central + 24, 100)
struct.pack_into("<I", bomb, local + 22, 100)
open(os.path.join(target, "bomb.zip"), "wb").write(bomb)
