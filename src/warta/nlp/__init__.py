"""Language processing: tokens, named entities and other annotations."""
