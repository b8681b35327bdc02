"""The head-up display: its layout at any window size, instruments, pace notes, roadbook."""
