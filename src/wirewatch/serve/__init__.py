"""Serve: the command line, exports, and the HTTP API with its web page."""
