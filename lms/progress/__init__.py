"""The learner's own overview of progress across courses."""
