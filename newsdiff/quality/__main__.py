"""``python -m newsdiff.quality``: see :mod:`newsdiff.quality.report`."""

import sys

from newsdiff.quality.report import main

sys.exit(main())
