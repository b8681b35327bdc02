"""millegame: the Mille Miglia as a top-down driving game.

Layers (see docs/architecture.md): ``core`` (numpy only), ``levels`` (Tiled maps via
pytmx), ``ui`` (pygame-ce) and a thin ``cli``.
"""

__version__ = "0.1.0"
