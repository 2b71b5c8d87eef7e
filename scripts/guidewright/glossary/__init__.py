"""The glossary: tap-to-define first uses and the Glossary page's list (a Markdown extension)."""
