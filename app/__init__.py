"""Event-extraction service: meetings, their dates, places and parties, from news text."""
