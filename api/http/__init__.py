"""The HTTP service: app factory, auth, uploads, errors, audit middleware, routes."""
