"""Drawings of the things the action names, each standing at a point on a surface."""
