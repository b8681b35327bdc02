"""Keyboard and game controllers → ``core.car.Controls``."""
