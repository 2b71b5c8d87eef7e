"""Build the guide into site/ and check every page; publishes only if every check passes.
Any guidewright build option passes through: python scripts/build.py --offline"""
import subprocess
import sys
from pathlib import Path

GUIDE = Path(__file__).resolve().parents[1]  # the folder with mkdocs.yml

if __name__ == "__main__":
    # The Python this runs with: the one guidewright is installed in (requirements.txt).
    sys.exit(subprocess.call([sys.executable, "-m", "guidewright", "build", *sys.argv[1:]], cwd=GUIDE))
