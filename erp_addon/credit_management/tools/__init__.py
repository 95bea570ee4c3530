"""Helpers the credit add-ons share (plain Python, no models)."""
