import sys

from dxcheck.cli import main

sys.exit(main())
