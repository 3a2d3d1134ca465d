"""Coursely background worker."""
