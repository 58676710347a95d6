"""The NLP stages, usable without HTTP. `Extractor` in `engine` is the public entry point."""
