# Film Studio: `make demo` renders the example film; `make test` runs the whole suite.
.PHONY: setup demo test up down status cluster lint bench clean

setup:
	@bash scripts/setup.sh

demo: setup
	@.venv/bin/python -m cli.stack up
	@.venv/bin/filmstudio render examples/coffee_shop.txt --title "The Coffee Shop"

test: setup
	@.venv/bin/pytest

up: setup
	@.venv/bin/python -m cli.stack up

down:
	@.venv/bin/python -m cli.stack down

status:
	@.venv/bin/python -m cli.stack status

# The multi-host rehearsal in the foreground (Ctrl-C stops it): Temporal, PostgreSQL and
# SeaweedFS shared; orchestration, models and two media hosts sharing nothing else.
cluster: setup
	@.venv/bin/python -m cli.cluster --render examples/coffee_shop.txt

lint: setup
	@.venv/bin/ruff format --check .
	@.venv/bin/ruff check .
	@.venv/bin/mypy

bench: setup
	@.venv/bin/python -m bench.film_vs_plain_script

clean: down
	rm -rf .data
