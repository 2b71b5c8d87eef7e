"""MkDocs hooks (listed under `hooks:` in mkdocs.yml). Only MkDocs runs them: the Markdown work
lives in Python-Markdown extensions (guidewright.glossary.glossary_terms, guidewright.boxes.urgency_boxes), and the build
does for Zensical what these do for MkDocs (guidewright.build.zensical_build). They live outside
overrides/ because Zensical publishes every non-template file it finds there."""
