from .daemon import run

run()
