"""Small widgets the reader screens are built from."""
