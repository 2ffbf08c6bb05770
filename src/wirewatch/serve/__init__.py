"""Serve: the command line and exports (the HTTP API and web page come later)."""
