"""Find claims, evidence and challenges sentence by sentence, and tally them into a scorecard."""
