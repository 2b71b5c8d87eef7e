"""The config: reading the INHERIT chain, validating it once (settings.py), duplicate keys, what
overlays may change, the public address."""
