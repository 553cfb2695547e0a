"""``python -m newsdiff``: the ``newsdiff`` command."""

import sys

from newsdiff.cli import main

sys.exit(main())
