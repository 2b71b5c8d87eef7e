"""Search: readers' own words for pages, and the search dialog's accessible name."""
