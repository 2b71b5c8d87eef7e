"""Build and check the heroin withdrawal guide. Pure checks live in *_check modules."""
