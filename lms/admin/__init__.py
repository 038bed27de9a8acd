"""The administrators' area: users, organisations and, later, reports."""
