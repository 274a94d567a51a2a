"""Inventory blueprint package."""
