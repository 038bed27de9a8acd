"""Certificates: completion rules, issuing and revoking, the PDF and the public check."""
