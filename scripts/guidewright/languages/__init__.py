"""Languages: translations and their configs, language blocks in config, and the words around the
pages (UI words, with the engine's defaults per language)."""
