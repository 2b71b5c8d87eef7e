"""Checks on pages: sources (front matter, stigma words, fact-check logs), built pages (boxes,
reading level, resources, scripts, security policy, reader controls) and what a clinic writes."""
