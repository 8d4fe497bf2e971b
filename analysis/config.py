"""Every default of the toolkit, written once: the command line, the stages and the notebooks read them here."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpora" / "ukraine_talks"        # the bundled corpus (the five seed articles)
ACTORS = ROOT / "data" / "actors" / "ukraine_talks.yml"      # its actors file
LEXICON = ROOT / "data" / "lexicons" / "sidelining.yml"      # framing cues
REPORTING = ROOT / "data" / "lexicons" / "reporting.yml"     # reporting verbs and adverbs (quotation cues)
MODEL = ROOT / "data" / "models" / "sentiment_newsmtsc.json"  # the trained sentiment model
SPEAKER_MODEL = ROOT / "data" / "models" / "speaker_polnear.json"  # the speaker model (train-speakers)
BUNDLED_TABLES = ROOT / "results" / "ukraine_talks"          # what `make figures` writes; the notebooks' default

SPEAKERS = ("model", "rules")   # who chooses a quotation's speaker (run / evaluate quotes --speakers); first: default
WINDOW = 10              # sentiment: tokens each side of a mention (the lexicon methods' scope)
CHUNK_SIZE = 50          # articles per chunk: the unit of resuming and of work sent to a worker
MAX_BYTES = 2_000_000    # larger article files are rejected
ARTICLE_SECONDS = 60.0   # time budget of one article; a 2 MB article (MAX_BYTES) takes about 5 s
SEED = 20251203          # every random draw: bootstrap intervals, coding samples
N_BOOT = 2000            # bootstrap resamples of per-outlet estimates
N_BOOT_SCORES = 1000     # bootstrap resamples of accuracy scores (evaluate, validate score)
PER_STRATUM = 5          # coding sample: items per measure x outlet x toolkit answer
