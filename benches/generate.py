#!/usr/bin/env python3
"""Writes N variants of the reference example into a folder, each differing
in one paragraph (and in its number), for the batch benchmark.

    python3 benches/generate.py 1000 /tmp/vanban-bench/in
"""
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE.parent / "examples" / "ket-luan-thuong-truc-huyen-uy-2020-11.toml"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    out = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "bench-inputs")
    out.mkdir(parents=True, exist_ok=True)
    text = SOURCE.read_text(encoding="utf-8")
    marker = "Công tác xây dựng Đảng, xây dựng hệ thống chính trị"
    assert marker in text and "number = 15" in text
    for i in range(1, count + 1):
        variant = text.replace(marker, f"{marker} (xã thứ {i})").replace(
            "number = 15", f"number = {i}"
        )
        (out / f"ket-luan-{i:05}.toml").write_text(variant, encoding="utf-8")
    print(f"{count} inputs in {out}")


if __name__ == "__main__":
    main()
