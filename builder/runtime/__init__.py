"""Process plumbing with no knowledge of timelines: forking, the page supply on the second core, spilling pages
to disk, atomic output and printable terminal text."""
