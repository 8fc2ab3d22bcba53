import sys

from briefing_gen.cli import main

sys.exit(main())
