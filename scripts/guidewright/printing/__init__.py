"""Printing: PDF handouts and one-sheet quick cards, their list for clinic staff, and the cards'
web pages."""
