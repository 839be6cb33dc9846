"""factfinder: an open evidence platform for investigations of harm to civilians in armed conflict."""

__version__ = "0.1.0"
