"""Built sites read in Debian's Chromium through Playwright (marker `browser`)."""
