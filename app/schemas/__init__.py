"""The JSON Schemas of the API: written from the pydantic models, committed under schemas/, served
and enforced from there.

- documents.py  which documents exist (name, model, versions) and how each version is written;
                `project` turns a response into the shape of an older version
- catalog.py    the committed files, loaded once: listed, served, validated against
- compat.py     the compatibility check between two versions of a document
- __main__.py   `python -m app.schemas --write | --check`
"""
