"""Every default of the toolkit, written once: the command line, the stages and the notebooks read them here."""

WINDOW = 10              # sentiment: tokens each side of a mention (the lexicon methods' scope)
CHUNK_SIZE = 50          # articles per chunk: the unit of resuming and of work sent to a worker
MAX_BYTES = 2_000_000    # larger article files are rejected
ARTICLE_SECONDS = 60.0   # time budget of one article; a 2 MB article (MAX_BYTES) takes about 5 s
SEED = 20251203          # every random draw: bootstrap intervals, coding samples
N_BOOT = 2000            # bootstrap resamples
PER_STRATUM = 5          # coding sample: items per measure x outlet x toolkit answer
