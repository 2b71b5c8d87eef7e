"""Check the guide: the same build and checks as scripts/build.py, into a temporary folder, so
nothing is published. Exit 0 when every check passes (for CI or before a commit)."""
import subprocess
import sys
from pathlib import Path

GUIDE = Path(__file__).resolve().parents[1]  # the folder with mkdocs.yml

if __name__ == "__main__":
    sys.exit(subprocess.call([sys.executable, "-m", "guidewright", "check", *sys.argv[1:]], cwd=GUIDE))
