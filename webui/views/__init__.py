"""Blueprints by concern: search, records, entities, notices, check, archive, api."""
