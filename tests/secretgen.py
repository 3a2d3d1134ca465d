"""Seeded generators of correctly shaped fake secrets, shared by the secret and leak tests.

Values are built at run time so this repository never contains a live-looking literal.
"""

from __future__ import annotations

import random
import string
import uuid

ALNUM = string.ascii_letters + string.digits
LOWER_ALNUM = string.ascii_lowercase + string.digits
UPPER_ALNUM = string.ascii_uppercase + string.digits
HEX = "0123456789abcdef"
B64 = ALNUM + "+/"
URLSAFE = ALNUM + "-_"
BASE32 = string.ascii_uppercase + "234567"
DIGITS = string.digits


class Gen:
    """Seeded random bodies: stable across runs, different for every value or case."""

    def __init__(self, seed: str) -> None:
        self.rng = random.Random(seed)

    def __call__(self, n: int, alphabet: str = ALNUM) -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
