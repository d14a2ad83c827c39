"""Process plumbing with no knowledge of timelines: forking, the page supply on the second core, spilling pages
to disk, atomic output, printable terminal text and the progress line of long work."""
