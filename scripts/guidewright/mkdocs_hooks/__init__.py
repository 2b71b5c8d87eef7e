"""MkDocs hooks (listed under `hooks:` in mkdocs.yml). Only MkDocs runs them: the Markdown work
lives in Python-Markdown extensions (guidewright.glossary_terms, guidewright.urgency_boxes), and the build
does for Zensical what these do for MkDocs (guidewright.zensical_build). They live outside
overrides/ because Zensical publishes every non-template file it finds there."""
