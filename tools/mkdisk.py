#!/usr/bin/env python3
"""Make an MBR-partitioned disk image from file-system images.

    mkdisk.py DISK SIZE_MIB PART1.img [PART2.img ...]

Each partition starts on a 1 MiB boundary (sector 2048 for the first) and
is as large as its image, except the last, which takes the rest of the disk;
all get type 0x83 (Linux). The boot code is left empty: Samsara boots from
its ISO, the disk only holds data. The image is written sparsely.
"""
import os
import struct
import sys

SECTOR = 512
ALIGN = 2048  # sectors: 1 MiB


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    disk, size_mib, parts = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    if len(parts) > 4:
        sys.exit("mkdisk: at most 4 primary partitions")
    total = size_mib * 2048
    entries, start = [], ALIGN
    for i, image in enumerate(parts):
        size = os.path.getsize(image)
        if size % SECTOR:
            sys.exit(f"mkdisk: {image} is not a whole number of sectors")
        count = size // SECTOR
        if i == len(parts) - 1:
            count = max(count, total - start)
        if start + count > total:
            sys.exit(f"mkdisk: {image} does not fit on a {size_mib} MiB disk")
        entries.append((image, start, count))
        start = (start + count + ALIGN - 1) // ALIGN * ALIGN
    mbr = bytearray(SECTOR)
    for i, (_, first, count) in enumerate(entries):
        # status, CHS first (unused: LBA only), type, CHS last, LBA first, sectors
        mbr[446 + 16 * i:446 + 16 * (i + 1)] = struct.pack(
            "<B3sB3sII", 0, b"\xfe\xff\xff", 0x83, b"\xfe\xff\xff", first, count)
    mbr[510:512] = b"\x55\xaa"
    with open(disk, "wb") as out:
        out.truncate(total * SECTOR)
        out.write(mbr)
        for image, first, _ in entries:
            out.seek(first * SECTOR)
            with open(image, "rb") as src:
                while True:
                    block = src.read(1 << 20)
                    if not block:
                        break
                    if block.count(0) == len(block):
                        out.seek(len(block), os.SEEK_CUR)  # leave a hole
                    else:
                        out.write(block)


if __name__ == "__main__":
    main()
