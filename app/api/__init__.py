"""The HTTP layer only: thin routes, no NLP."""
