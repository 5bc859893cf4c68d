"""Item delegates: they paint rows; views stay thin."""
