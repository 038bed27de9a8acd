"""Accounts: users, organisations, signing in, profiles and permissions."""
