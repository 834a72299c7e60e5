# The two things a newcomer does; see README.md.
.PHONY: demo test setup lint

demo:
	scripts/setup.sh
	.venv/bin/gongshi demo --host 127.0.0.1 --port 8000

test:
	scripts/setup.sh --test
	.venv/bin/ruff check .
	.venv/bin/python -m pytest

lint:
	.venv/bin/ruff check .
