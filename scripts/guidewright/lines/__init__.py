"""The crisis lines: their config, phone numbers (region-aware), the markup of a call link, what
the templates show, and the checks that every page offers them and no denied number appears."""
