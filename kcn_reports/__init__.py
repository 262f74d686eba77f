"""kcn-reports: turn enterprise returns from industrial zones into Party and Management Board reports."""

__version__ = "0.1.0"
