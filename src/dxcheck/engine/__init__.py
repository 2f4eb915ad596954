"""The rule engine: a plan and the national catalog in, findings and coverage out."""
