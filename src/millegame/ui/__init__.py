"""The pygame-ce shell: window, fixed-step loop, scenes, rendering, HUD, input.

Entry point: ``millegame.ui.app.run``. Everything pygame lives in this package; the
simulation in ``millegame.core`` never sees a frame time, a pixel or a key.
"""

import os

# pygame-ce prints a banner on import unless told not to; the CLI's output stays clean.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
