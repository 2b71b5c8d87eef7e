"""Build and publish: run MkDocs or Zensical, check every built file, publish only what passed
(site, offline copy, saved-to-phone worker, host config), report the result, preview."""
