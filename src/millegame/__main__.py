"""``python -m millegame``: same as the ``millegame`` console script."""

import sys

from millegame.cli import main

sys.exit(main())
