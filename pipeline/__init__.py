"""kehoach: monitor a plan's implementation through Excel returns."""

__version__ = "0.1.0"
