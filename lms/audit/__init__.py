"""The audit log: who changed what, when. Any feature records its admin actions here; admins read it."""
