"""Make a fresh Debian machine with only Python able to build and test the guide:
a .venv with the pinned requirements, and Debian's chromium and nginx for the browser tests.
Standard library only: this runs before anything is installed."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VENV = REPO / ".venv"
REQUIREMENTS = REPO / "requirements.txt"
ENGINE_REQUIREMENTS = REPO / "scripts" / "guidewright" / "requirements.txt"  # requirements.txt includes it
PROJECT = REPO / "pyproject.toml"      # scripts/guidewright, installed editable: no sys.path edits anywhere
STAMP = VENV / ".requirements.sha256"  # reinstall only when the requirements or pyproject.toml change
CHROMIUM = "/usr/bin/chromium"         # Debian's package; Playwright never downloads a browser
NGINX = "/usr/sbin/nginx"              # Debian's package: the hosting test serves the site with the real thing
# Debian's libnginx-mod-http-brotli-static: the hosting config sends the build's .br files with it.
BROTLI_STATIC = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"


def ensure_venv() -> None:
    """Create or update .venv, then re-run the calling script inside it."""
    python = VENV / "bin" / "python"
    if not python.exists():
        _say("Creating .venv ...")
        if subprocess.run([sys.executable, "-m", "venv", str(VENV)]).returncode != 0:
            # Debian's python3 ships venv support separately.
            _apt_install("python3-venv")
            shutil.rmtree(VENV, ignore_errors=True)
            _run([sys.executable, "-m", "venv", str(VENV)])
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes() + ENGINE_REQUIREMENTS.read_bytes() + PROJECT.read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        _say("Installing requirements.txt and the guidewright engine into .venv ...")
        pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
        _run([*pip, "-r", str(REQUIREMENTS)])
        _run([*pip, "--no-deps", "-e", str(REPO)])
        STAMP.write_text(wanted)
    if Path(sys.prefix).resolve() != VENV.resolve():
        os.execv(str(python), [str(python), *sys.argv])


def ensure_chromium() -> str:
    """Debian's chromium, installed with apt-get if it is missing."""
    if not Path(CHROMIUM).exists():
        # fonts-liberation is only "recommended", and without any font pages render blank.
        _apt_install("chromium", "fonts-liberation")
    return CHROMIUM


def ensure_nginx() -> str:
    """Debian's nginx (its build has the sub_filter and gzip_static modules the hosting config
    uses) and its brotli static module, installed with apt-get if missing. The tests run it
    themselves, on the loopback only, loading the module from BROTLI_STATIC."""
    missing = [package for package, path in (("nginx", NGINX), ("libnginx-mod-http-brotli-static", BROTLI_STATIC))
               if not Path(path).exists()]
    if missing:
        _apt_install(*missing)
    return NGINX


def ensure_node_modules() -> Path:
    """The npm test tools in package.json (axe-core, lighthouse), installed from the lockfile
    when it changed. Node and npm come from Debian if missing."""
    if shutil.which("npm") is None:
        _apt_install("nodejs", "npm")
    lock = REPO / "package-lock.json"
    stamp = REPO / "node_modules" / ".package-lock.sha256"
    wanted = hashlib.sha256(lock.read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text().strip() != wanted:
        _say("Installing npm test tools (npm ci) ...")
        _run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=REPO)
        stamp.write_text(wanted)
    return REPO / "node_modules"


def _apt_install(*packages: str) -> None:
    names = " ".join(packages)
    if shutil.which("apt-get") is None:
        sys.exit(f"{names} missing and this is not a Debian machine: install them yourself.")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    _say(f"Installing Debian's {names} with apt-get ...")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    _run([*sudo, "apt-get", "update", "-qq"], env=env)
    _run([*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages], env=env)


def _run(command: list[str], **kwargs) -> None:
    if subprocess.run(command, **kwargs).returncode != 0:
        sys.exit(f"Setup step failed: {' '.join(command)}")


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
