"""The boxes pages use: the Markdown extension that renders them with their call links, warning
signs and step lists (defined once in config), and the checks of their advice on built pages."""
