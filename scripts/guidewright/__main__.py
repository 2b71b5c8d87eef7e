"""`python -m guidewright`: the same as the `guidewright` command."""
from guidewright.cli import main

raise SystemExit(main())
