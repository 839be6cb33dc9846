.PHONY: setup demo test coverage lint eval bench

setup:
	bash scripts/setup.sh

demo: setup
	bash scripts/demo.sh

test:
	bash scripts/test.sh

# The suite under coverage.py (branch coverage, config in pyproject.toml): a summary by module;
# htmlcov/index.html shows the lines and branches never taken.
coverage: setup
	bash scripts/test.sh -q --cov --cov-report=term:skip-covered --cov-report=html

lint: setup
	.venv/bin/ruff check src tests benchmarks
	.venv/bin/ruff format --check src tests benchmarks
	.venv/bin/mypy

eval: setup
	.venv/bin/python scripts/evaluate.py
