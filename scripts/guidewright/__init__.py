"""guidewright: a site engine for plain-language health guides (MkDocs + Material), whose build
proves every page shows the crisis lines. Pure checks live in *_check modules; the MkDocs plugin
in plugin.py; the command in cli.py."""
