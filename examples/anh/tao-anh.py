#!/usr/bin/env python3
"""Makes the two made-up pictures of examples/thong-bao-dien-tu.toml: a blue
scribble for the signature and a red ring for the seal, both on a
transparent background. They are specimens: the seal says so in its ring.
Needs Pillow (pip install Pillow); run from anywhere:
    python3 examples/anh/tao-anh.py
"""
import math
import os
import random

from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = os.path.join(HERE, "..", "..", "fonts", "LiberationSerif-Bold.ttf")
DPI = 300
SS = 4  # drawn this many times larger, then shrunk: smooth edges


def mm(v):
    return round(v / 25.4 * DPI)


def signature():
    w, h = mm(50), mm(20)
    img = Image.new("RGBA", (w * SS, h * SS), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    blue = (20, 40, 160, 255)
    rnd = random.Random(7)
    # A looping scribble, like joined handwriting: a prolate cycloid whose
    # loops shrink along the line, then a flourish under it.
    pts = []
    for i in range(600):
        t = i / 599 * 6.2 * math.pi
        grow = 1 - 0.45 * t / (6.2 * math.pi)
        x = 0.08 + 0.80 * t / (6.2 * math.pi) - 0.075 * math.sin(t) * grow
        y = 0.50 - 0.30 * math.cos(t) * grow + 0.05 * math.sin(t * 0.5)
        pts.append((x * w * SS, y * h * SS))
    d.line(pts, fill=blue, width=int(SS * 3.2), joint="curve")
    d.line([(0.05 * w * SS, 0.90 * h * SS), (0.55 * w * SS, 0.80 * h * SS),
            (0.97 * w * SS, 0.62 * h * SS)], fill=blue, width=int(SS * 2.6), joint="curve")
    rnd.random()
    img = img.resize((w, h), Image.LANCZOS)
    img.save(os.path.join(HERE, "chu-ky.png"), dpi=(DPI, DPI), optimize=True)


def seal():
    size = mm(36)
    big = size * SS
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    red = (210, 20, 30, 225)
    c = big / 2
    for r, width in ((c - 2 * SS, 5 * SS), (c - 14 * SS, 2 * SS), (c * 0.52, 2 * SS)):
        d.ellipse([c - r, c - r, c + r, c + r], outline=red, width=int(width))
    font = ImageFont.truetype(FONT, int(22 * SS))
    text = "MẪU THỬ • KHÔNG CÓ GIÁ TRỊ PHÁP LÝ • VANBAN • "
    radius = c - 40 * SS
    step = 360 / len(text)
    for i, ch in enumerate(text):
        angle = -90 + i * step
        glyph = Image.new("RGBA", (int(40 * SS), int(40 * SS)), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((glyph.width / 2, glyph.height / 2), ch,
                                   font=font, fill=red, anchor="mm")
        glyph = glyph.rotate(-angle - 90, resample=Image.BICUBIC)
        x = c + radius * math.cos(math.radians(angle)) - glyph.width / 2
        y = c + radius * math.sin(math.radians(angle)) - glyph.height / 2
        img.alpha_composite(glyph, (int(x), int(y)))
    star = [(c + (0.16 if k % 2 == 0 else 0.065) * big * math.cos(math.radians(-90 + k * 36)),
             c + (0.16 if k % 2 == 0 else 0.065) * big * math.sin(math.radians(-90 + k * 36)))
            for k in range(10)]
    d.polygon(star, fill=red)
    small = ImageFont.truetype(FONT, int(26 * SS))
    d.text((c, c + 0.265 * big), "MẪU", font=small, fill=red, anchor="mm")
    img = img.resize((size, size), Image.LANCZOS)
    img.save(os.path.join(HERE, "dau.png"), dpi=(DPI, DPI), optimize=True)


signature()
seal()
