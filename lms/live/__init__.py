"""Live sessions on Jitsi Meet: scheduling, time-boxed tokens, attendance, calendars."""
